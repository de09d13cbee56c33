using SbbCommerce.Api.Common.Faults;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Events.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Data;
using SbbCommerce.Api.Modules.Fulfillment.History;
using SbbCommerce.Api.Modules.Fulfillment.Views;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Ship;

/// <summary>
/// One transaction: lock the order then the shipment, commit its units' stock, record carrier and tracking, move the
/// order (shipped when every unit left), and queue the shipped email, the ERP's shipment.created and order.shipped.
/// </summary>
internal sealed class ShipFulfillmentHandler(
    SbbDbContext db, IOrderFulfillment orders, IInventoryService inventory, ICustomerDirectory customers, IOutboxWriter outbox,
    IEventRecorder events, IAuditWriter audit, ICurrentUser currentUser, IFaultPoint faults, FulfillmentReader reader, TimeProvider timeProvider,
    ILogger<ShipFulfillmentHandler> logger)
{
    public const string ShippedEmail = "fulfillment.shipped";
    public const string ShipmentCreated = "shipment.created";

    public async Task<Results<Ok<FulfillmentResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ShipFulfillmentRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await ShipmentStore.OrderOfAsync(db, id, cancellationToken) is not { } orderId)
        {
            return NotFound();
        }

        var order = (await orders.LockAsync(orderId, cancellationToken))!;
        var shipment = await ShipmentStore.LockAsync(db, id, cancellationToken);
        if (shipment.Status != FulfillmentStatus.Unfulfilled || shipment.ShippedAt is not null)
        {
            return ApiProblems.Unprocessable(FulfillmentErrors.InvalidTransition, "Only a fulfilment that has not shipped can ship.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["currentStatus"] = shipment.Status });
        }

        var (carrier, serviceLevel, tracking) = (Given(request.Carrier) ?? shipment.Carrier, Given(request.ServiceLevel) ?? shipment.ServiceLevel,
            Given(request.TrackingNumber) ?? shipment.TrackingNumber);
        if (carrier is null || serviceLevel is null || tracking is null)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, Common.Problems.ErrorCodes.ValidationFailed,
                "Carrier, service level and tracking number are required when no label was bought.");
        }

        var items = await db.Set<ShipmentItem>().AsNoTracking().Where(i => i.FulfillmentId == id).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
        var lines = order.Lines.ToDictionary(l => l.Id);
        var stock = items.GroupBy(i => lines[i.OrderItemId].ProductId).Select(g => new StockLine(g.Key, g.Sum(i => i.Quantity))).ToList();
        var committed = await inventory.CommitAsync(stock, cancellationToken);
        if (!committed.Succeeded)
        {
            return ApiProblems.Unprocessable(FulfillmentErrors.InsufficientStock, "The reserved stock is lower than this shipment holds.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["shortages"] = committed.Shortages });
        }

        var now = timeProvider.GetDatabaseNow();
        var before = new { shipment.Status, shipment.Carrier, shipment.TrackingNumber };
        shipment.Status = FulfillmentStatus.Fulfilled;
        shipment.Carrier = carrier;
        shipment.ServiceLevel = serviceLevel;
        shipment.TrackingNumber = tracking;
        shipment.TrackingUrl = request.TrackingUrl ?? shipment.TrackingUrl;
        shipment.ShippedAt = now;
        shipment.UpdatedAt = now;
        var actor = currentUser.UserId!.Value;
        ShipmentHistory.Record(db, shipment, FulfillmentStatus.Unfulfilled, "shipped", actor, now, carrierStatus: "shipped");

        var shipped = await ShipmentStore.ShippedUnitsAsync(db, order.Id, shipment.Id, cancellationToken);
        var everyUnit = order.Lines.All(l => shipped.GetValueOrDefault(l.Id) >= l.ToShip);
        await orders.RecordShipmentAsync(order.Id, shipment.Carrier, shipment.TrackingNumber, everyUnit,
            $"fulfilment {shipment.FulfillmentNumber} shipped", StatusActor.Admin(actor), cancellationToken);

        var firstName = (await customers.GetContactsAsync([order.UserId], cancellationToken)).SingleOrDefault()?.FirstName;
        outbox.Enqueue(OutboxDestinations.InternalEmail, ShippedEmail, new
        {
            To = order.CustomerEmail,
            FirstName = firstName,
            order.OrderNumber,
            shipment.FulfillmentNumber,
            shipment.Carrier,
            shipment.ServiceLevel,
            shipment.TrackingNumber,
            shipment.TrackingUrl,
            Items = items.Select(i => new { lines[i.OrderItemId].Sku, lines[i.OrderItemId].Name, i.Quantity, i.BatchNumber }).ToList(),
        }, "fulfillment", shipment.Id);
        // Keyed by the order: the ERP hears of an order's changes in the order they happened.
        outbox.Enqueue(OutboxDestinations.EpicorPropello, ShipmentCreated, new
        {
            FulfillmentId = shipment.Id,
            shipment.FulfillmentNumber,
            OrderId = order.Id,
            order.OrderNumber,
            CustomerId = order.UserId,
            shipment.Carrier,
            shipment.ServiceLevel,
            shipment.TrackingNumber,
            shipment.TrackingUrl,
            shipment.ShippedAt,
            shipment.ShippingCostCents,
            Lines = items.Select(i => new { i.OrderItemId, lines[i.OrderItemId].Sku, i.Quantity, i.BatchNumber }).ToList(),
        }, "order", order.Id);
        events.Record(new ServerEvent("order.shipped")
        {
            UserId = order.UserId,
            OrderId = order.Id,
            Properties = new { shipment.FulfillmentNumber, shipment.Carrier, EveryUnitShipped = everyUnit },
        }.WithRequest(context));
        audit.Record("fulfillment.shipped", "fulfillment", shipment.Id, before,
            new { shipment.Status, shipment.Carrier, shipment.ServiceLevel, shipment.TrackingNumber, shipment.TrackingUrl, shipment.ShippedAt });
        await db.SaveChangesAsync(cancellationToken);
        faults.Reach(FaultPoints.ShipBeforeCommit);
        await transaction.CommitAsync(cancellationToken);
        FulfillmentLog.Shipped(logger, shipment.FulfillmentNumber, shipment.Carrier, order.Id, everyUnit);
        return TypedResults.Ok((await reader.ReadAsync(id, cancellationToken))!);
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ProblemHttpResult NotFound() => ApiProblems.NotFound(FulfillmentErrors.FulfillmentNotFound, "Fulfilment not found.");
}
