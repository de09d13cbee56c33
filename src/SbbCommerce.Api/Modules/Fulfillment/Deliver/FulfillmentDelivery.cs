using SbbCommerce.Api.Modules.Events.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Data;
using SbbCommerce.Api.Modules.Fulfillment.History;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Deliver;

/// <summary>
/// A shipment arrived, whoever says so (an admin, or the carrier's tracking webhook): history row, the order delivered
/// once every unit shipped and every shipment arrived, the customer's email, the event. In the caller's transaction;
/// the order is locked first (as shipping does), so two last deliveries never both miss "all arrived".
/// </summary>
internal sealed class FulfillmentDelivery(
    SbbDbContext db, IOrderFulfillment orders, ICustomerDirectory customers, IOutboxWriter outbox, IEventRecorder events,
    ILogger<FulfillmentDelivery> logger)
{
    public const string DeliveredEmail = "fulfillment.delivered";

    /// <summary>The locked shipment, or null when there is no such fulfilment.</summary>
    public async Task<(Shipment Shipment, Guid OrderId)?> LockAsync(Guid fulfillmentId, CancellationToken cancellationToken)
    {
        if (await ShipmentStore.OrderOfAsync(db, fulfillmentId, cancellationToken) is not { } orderId)
        {
            return null;
        }

        _ = await orders.LockAsync(orderId, cancellationToken);
        return (await ShipmentStore.LockAsync(db, fulfillmentId, cancellationToken), orderId);
    }

    public static bool CanDeliver(Shipment shipment) => shipment.ShippedAt is not null && shipment.DeliveredAt is null;

    /// <summary>
    /// Marks the (locked, shipped, not yet delivered) shipment delivered at <paramref name="deliveredAt"/>;
    /// <paramref name="context"/> is the admin's request (<see cref="RequestContext.None"/> for a carrier's webhook).
    /// </summary>
    public async Task DeliverAsync(Shipment shipment, Guid orderId, DateTimeOffset deliveredAt, StatusActor actor, string reason,
        string? carrierMetadata, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        ArgumentNullException.ThrowIfNull(actor);
        var order = (await orders.LockAsync(orderId, cancellationToken))!;
        shipment.DeliveredAt = deliveredAt;
        shipment.UpdatedAt = deliveredAt;
        ShipmentHistory.Record(db, shipment, shipment.Status, reason, actor.UserId, deliveredAt, carrierStatus: "delivered", metadata: carrierMetadata);

        var shipped = await ShipmentStore.ShippedUnitsAsync(db, order.Id, shipment.Id, cancellationToken);
        var stillOnTheWay = await db.Set<Shipment>().AnyAsync(
            s => s.OrderId == order.Id && s.Id != shipment.Id && s.ShippedAt != null && s.DeliveredAt == null, cancellationToken);
        var everyUnit = !stillOnTheWay && order.Lines.All(l => shipped.GetValueOrDefault(l.Id) >= l.ToShip);
        await orders.RecordDeliveryAsync(order.Id, everyUnit, $"fulfilment {shipment.FulfillmentNumber} delivered", actor, cancellationToken);

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
        }.WithRequest(context));
        FulfillmentLog.Delivered(logger, shipment.FulfillmentNumber, actor.Type, order.Id, everyUnit);
    }
}
