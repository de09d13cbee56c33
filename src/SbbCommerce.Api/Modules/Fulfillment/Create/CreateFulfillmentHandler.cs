using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Data;
using SbbCommerce.Api.Modules.Fulfillment.History;
using SbbCommerce.Api.Modules.Fulfillment.Views;
using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Create;

/// <summary>
/// One transaction: lock the order (two admins fulfilling one order apply one after the other, so a line never
/// exceeds its units), check every line, draw the lots (in product id order, the order the catalog locks rows in),
/// raise the lines' fulfilled units, write the shipment, its history and the audit row. Any refusal rolls all of it back.
/// </summary>
internal sealed class CreateFulfillmentHandler(
    SbbDbContext db, IOrderFulfillment orders, IBatchAllocator allocator, IAuditWriter audit, ICurrentUser currentUser, FulfillmentReader reader,
    TimeProvider timeProvider, ILogger<CreateFulfillmentHandler> logger)
{
    public async Task<Results<Created<FulfillmentResponse>, ProblemHttpResult>> HandleAsync(Guid orderId, CreateFulfillmentRequest request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await orders.LockAsync(orderId, cancellationToken);
        if (order is null)
        {
            return ApiProblems.NotFound(FulfillmentErrors.OrderNotFound, "Order not found.");
        }

        if (!order.IsPaid)
        {
            return ApiProblems.Unprocessable(FulfillmentErrors.OrderNotPaid, "Only a paid order can be fulfilled.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["currentStatus"] = order.Status });
        }

        var lines = order.Lines.ToDictionary(l => l.Id);
        if (request.Items.FirstOrDefault(i => !lines.ContainsKey(i.OrderItemId)) is { } unknown)
        {
            return ApiProblems.Unprocessable(FulfillmentErrors.OrderItemNotFound, "An item is not a line of this order.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["orderItemId"] = unknown.OrderItemId });
        }

        foreach (var group in request.Items.GroupBy(i => i.OrderItemId))
        {
            var line = lines[group.Key];
            var requested = group.Sum(i => i.Quantity);
            if (requested > line.Open)
            {
                return Exceeds(line, requested);
            }
        }

        var now = timeProvider.GetDatabaseNow();
        var shipment = new Shipment
        {
            Id = Guid.CreateVersion7(),
            FulfillmentNumber = await db.NextAsync(HumanReferences.Fulfillment, "FUL", cancellationToken),
            OrderId = order.Id,
            Status = FulfillmentStatus.Unfulfilled,
            ShippingAddress = order.ShippingAddress,
            CreatedAt = now,
            UpdatedAt = now,
        };

        var items = new List<ShipmentItem>();
        foreach (var item in request.Items.OrderBy(i => lines[i.OrderItemId].ProductId).ThenBy(i => i.OrderItemId))
        {
            var line = lines[item.OrderItemId];
            var allocation = item.BatchId is { } batchId
                ? await allocator.AllocateFromAsync(line.ProductId, batchId, item.Quantity, cancellationToken)
                : await allocator.AllocateAsync(line.ProductId, item.Quantity, null, cancellationToken);
            if (!allocation.Succeeded)
            {
                return item.BatchId is not null
                    ? ApiProblems.Unprocessable(FulfillmentErrors.BatchUnavailable,
                        "The named batch cannot serve this line (not this product's, not active, COA unverified, expired, recalled or too few units).",
                        extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
                        {
                            ["orderItemId"] = line.Id, ["batchId"] = item.BatchId, ["requested"] = item.Quantity, ["available"] = allocation.Available,
                        })
                    : ApiProblems.Unprocessable(FulfillmentErrors.InsufficientStock,
                        "The product's eligible lots hold too few units for this line.",
                        extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
                        {
                            ["orderItemId"] = line.Id, ["requested"] = item.Quantity, ["available"] = allocation.Available,
                        });
            }

            items.AddRange(allocation.Allocations.Select(part => new ShipmentItem
            {
                Id = Guid.CreateVersion7(),
                FulfillmentId = shipment.Id,
                OrderItemId = line.Id,
                Quantity = part.Quantity,
                BatchId = part.BatchId,
                BatchNumber = part.BatchNumber,
                CreatedAt = now,
            }));
        }

        foreach (var group in request.Items.GroupBy(i => i.OrderItemId))
        {
            if (!await orders.AddFulfilledAsync(group.Key, group.Sum(i => i.Quantity), cancellationToken))
            {
                return Exceeds(lines[group.Key], group.Sum(i => i.Quantity));
            }
        }

        db.Set<Shipment>().Add(shipment);
        db.Set<ShipmentItem>().AddRange(items);
        var actor = currentUser.UserId!.Value;
        ShipmentHistory.Record(db, shipment, null, "created", actor, now);
        var added = request.Items.GroupBy(i => i.OrderItemId).ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));
        var everyUnit = order.Lines.All(l => l.Open - added.GetValueOrDefault(l.Id) <= 0);
        await orders.RecordFulfillmentAsync(order.Id, everyUnit, $"fulfilment {shipment.FulfillmentNumber} created", StatusActor.Admin(actor),
            cancellationToken);
        audit.Record("fulfillment.created", "fulfillment", shipment.Id, null, new
        {
            shipment.FulfillmentNumber,
            shipment.OrderId,
            Items = items.Select(i => new { i.OrderItemId, i.Quantity, i.BatchId, i.BatchNumber }),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var (units, lots) = (items.Sum(i => i.Quantity), items.Select(i => i.BatchId).Distinct().Count());
        FulfillmentLog.Created(logger, shipment.FulfillmentNumber, order.Id, units, lots);
        var created = (await reader.ReadAsync(shipment.Id, cancellationToken))!;
        return TypedResults.Created($"/api/v1/admin/fulfillments/{shipment.Id}", created);
    }

    private static ProblemHttpResult Exceeds(FulfillmentOrderLine line, int requested) =>
        ApiProblems.Unprocessable(FulfillmentErrors.FulfillmentExceedsOrder,
            "More units than the line has left to fulfil (ordered minus fulfilled minus refunded).",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["orderItemId"] = line.Id, ["requested"] = requested, ["remaining"] = line.Open,
            });
}
