using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auditing;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.Outbox;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Common.StateMachines;
using SbbCommerce.Api.Modules.Events.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Data;
using SbbCommerce.Api.Modules.Fulfillment.History;
using SbbCommerce.Api.Modules.Fulfillment.Views;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Deliver;

internal static class DeliverFulfillmentEndpoint
{
    public const string DeliveredEmail = "fulfillment.delivered";

    public static RouteGroupBuilder MapDeliverFulfillment(this RouteGroupBuilder admin)
    {
        admin.MapPost("/fulfillments/{id:guid}/deliver", HandleAsync)
            .WithName("DeliverFulfillment")
            .WithSummary("The shipment arrived: the order is delivered when every unit shipped and every shipment arrived. Queues the "
                + "customer's delivered email. Audited.")
            .WithDescription("404 `fulfillment_not_found`; 422 `invalid_transition` (not shipped, or already delivered).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return admin;
    }

    /// <summary>One transaction, the order locked first (as shipping does), so two last deliveries never both miss "all arrived".</summary>
    private static async Task<Results<Ok<FulfillmentResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, SbbDbContext db, IOrderFulfillment orders, ICustomerDirectory customers, IOutboxWriter outbox, IEventRecorder events,
        IAuditWriter audit, ICurrentUser currentUser, TimeProvider timeProvider, FulfillmentReader reader, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (await ShipmentStore.OrderOfAsync(db, id, cancellationToken) is not { } orderId)
            {
                return ApiProblems.NotFound(FulfillmentErrors.FulfillmentNotFound, "Fulfilment not found.");
            }

            var order = (await orders.LockAsync(orderId, cancellationToken))!;
            var shipment = await ShipmentStore.LockAsync(db, id, cancellationToken);
            if (shipment.ShippedAt is null || shipment.DeliveredAt is not null)
            {
                return ApiProblems.Unprocessable(FulfillmentErrors.InvalidTransition, "Only a shipped fulfilment that has not arrived can be delivered.",
                    extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["currentStatus"] = shipment.Status, ["shippedAt"] = shipment.ShippedAt, ["deliveredAt"] = shipment.DeliveredAt,
                    });
            }

            var now = timeProvider.GetUtcNow();
            shipment.DeliveredAt = now;
            shipment.UpdatedAt = now;
            var actor = currentUser.UserId!.Value;
            ShipmentHistory.Record(db, shipment, shipment.Status, "delivered", actor, now, carrierStatus: "delivered");

            var shipped = await ShipmentStore.ShippedUnitsAsync(db, order.Id, shipment.Id, cancellationToken);
            var stillOnTheWay = await db.Set<Shipment>().AnyAsync(
                s => s.OrderId == order.Id && s.Id != shipment.Id && s.ShippedAt != null && s.DeliveredAt == null, cancellationToken);
            var everyUnit = !stillOnTheWay && order.Lines.All(l => shipped.GetValueOrDefault(l.Id) >= l.ToShip);
            await orders.RecordDeliveryAsync(order.Id, everyUnit, $"fulfilment {shipment.FulfillmentNumber} delivered", StatusActor.Admin(actor),
                cancellationToken);

            var firstName = (await customers.GetContactsAsync([order.UserId], cancellationToken)).SingleOrDefault()?.FirstName;
            outbox.Enqueue(OutboxDestinations.InternalEmail, DeliveredEmail, new
            {
                To = order.CustomerEmail,
                FirstName = firstName,
                order.OrderNumber,
                shipment.FulfillmentNumber,
                shipment.DeliveredAt,
            }, "fulfillment", shipment.Id);
            events.Record(new ServerEvent("order.delivered")
            {
                UserId = order.UserId,
                OrderId = order.Id,
                Properties = new { shipment.FulfillmentNumber, EveryUnitDelivered = everyUnit },
            });
            audit.Record("fulfillment.delivered", "fulfillment", shipment.Id, new { DeliveredAt = (DateTimeOffset?)null }, new { shipment.DeliveredAt });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok((await reader.ReadAsync(id, cancellationToken))!);
    }
}
