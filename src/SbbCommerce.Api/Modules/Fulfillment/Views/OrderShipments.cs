using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Data;

namespace SbbCommerce.Api.Modules.Fulfillment.Views;

internal sealed class OrderShipments(SbbDbContext db, IBatchRegistry batches) : IOrderShipments
{
    public async Task<IReadOnlyList<OrderShipmentView>> ForOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var shipments = await db.Set<Shipment>().AsNoTracking().Where(s => s.OrderId == orderId).OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        if (shipments.Count == 0)
        {
            return [];
        }

        var ids = shipments.Select(s => s.Id).ToList();
        var items = await db.Set<ShipmentItem>().AsNoTracking().Where(i => ids.Contains(i.FulfillmentId)).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .ToListAsync(cancellationToken);
        var batchIds = items.Where(i => i.BatchId != null).Select(i => i.BatchId!.Value).Distinct().ToList();
        var coa = (await batches.FindManyAsync(batchIds, cancellationToken)).ToDictionary(b => b.Id, b => b.CoaFileUrl);
        var byShipment = items.ToLookup(i => i.FulfillmentId);
        return shipments.Select(s => new OrderShipmentView(s.FulfillmentNumber, s.Status,
                byShipment[s.Id].Select(i => new OrderShipmentItemView(i.OrderItemId, i.Quantity, i.BatchNumber,
                    i.BatchId is { } b ? coa.GetValueOrDefault(b) : null)).ToList(),
                s.Carrier, s.TrackingNumber, s.TrackingUrl, s.ShippedAt, s.DeliveredAt))
            .ToList();
    }
}
