using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Data;
using SbbCommerce.Api.Modules.Fulfillment.History;

namespace SbbCommerce.Api.Modules.Fulfillment.Cancel;

/// <summary>
/// A fully refunded order ships nothing more: its packed, unshipped fulfilments become <c>cancelled</c> and their
/// units return to their lots. The stock reservation itself belongs to the order (the Orders module releases it
/// once, for every unit not shipped, right after this).
/// </summary>
internal sealed class OpenShipments(SbbDbContext db, IBatchAllocator batches, IAuditWriter audit, TimeProvider timeProvider) : IOpenShipments
{
    public async Task<IReadOnlyList<CancelledShipmentUnits>> CancelOpenAsync(Guid orderId, string reason, Guid? changedBy, CancellationToken cancellationToken)
    {
        var open = await db.Locking<Shipment>($"order_id = {orderId} AND status = 'unfulfilled' AND shipped_at IS NULL ORDER BY id")
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return [];
        }

        var ids = open.Select(s => s.Id).ToList();
        var items = await db.Set<ShipmentItem>().AsNoTracking().Where(i => ids.Contains(i.FulfillmentId)).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        foreach (var lot in items.Where(i => i.BatchId is not null).GroupBy(i => i.BatchId!.Value).OrderBy(g => g.Key))
        {
            await batches.RestockAsync(lot.Key, lot.Sum(i => i.Quantity), cancellationToken);
        }

        var now = timeProvider.GetDatabaseNow();
        foreach (var shipment in open)
        {
            shipment.Status = FulfillmentStatus.Cancelled;
            shipment.UpdatedAt = now;
            ShipmentHistory.Record(db, shipment, FulfillmentStatus.Unfulfilled, reason, changedBy, now);
            audit.Record("fulfillment.cancelled", "fulfillment", shipment.Id, new { Status = FulfillmentStatus.Unfulfilled },
                new { shipment.Status, Reason = reason, Items = items.Where(i => i.FulfillmentId == shipment.Id).Select(i => new { i.OrderItemId, i.Quantity, i.BatchNumber }) });
        }

        return items.GroupBy(i => i.OrderItemId).Select(g => new CancelledShipmentUnits(g.Key, g.Sum(i => i.Quantity))).ToList();
    }
}
