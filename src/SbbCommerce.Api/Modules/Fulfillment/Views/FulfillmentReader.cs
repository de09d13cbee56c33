using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Data;
using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Views;

/// <summary>Builds <see cref="FulfillmentResponse"/>s: order lines through the Orders contract, COA links through Catalog's.</summary>
internal sealed class FulfillmentReader(SbbDbContext db, IOrderFulfillment orders, IBatchRegistry batches)
{
    public async Task<FulfillmentResponse?> ReadAsync(Guid fulfillmentId, CancellationToken cancellationToken)
    {
        var shipment = await db.Set<Shipment>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == fulfillmentId, cancellationToken);
        return shipment is null ? null : (await ReadManyAsync([shipment], cancellationToken))[0];
    }

    public async Task<IReadOnlyList<FulfillmentResponse>> ReadManyAsync(IReadOnlyList<Shipment> shipments, CancellationToken cancellationToken)
    {
        var ids = shipments.Select(s => s.Id).ToList();
        var items = (await db.Set<ShipmentItem>().AsNoTracking().Where(i => ids.Contains(i.FulfillmentId))
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken)).ToLookup(i => i.FulfillmentId);
        var history = (await db.Set<ShipmentStatusHistory>().AsNoTracking().Where(h => ids.Contains(h.FulfillmentId))
            .OrderBy(h => h.CreatedAt).ThenBy(h => h.Id).ToListAsync(cancellationToken)).ToLookup(h => h.FulfillmentId);
        var orderList = await orders.FindManyAsync(shipments.Select(s => s.OrderId).Distinct().ToList(), cancellationToken);
        var lines = orderList.SelectMany(o => o.Lines).ToDictionary(l => l.Id);
        var numbers = orderList.ToDictionary(o => o.Id, o => o.OrderNumber);
        var batchIds = items.SelectMany(g => g).Where(i => i.BatchId != null).Select(i => i.BatchId!.Value).Distinct().ToList();
        var coa = (await batches.FindManyAsync(batchIds, cancellationToken)).ToDictionary(b => b.Id, b => b.CoaFileUrl);
        return shipments.Select(s => new FulfillmentResponse(
                s.Id, s.FulfillmentNumber, s.OrderId, numbers.GetValueOrDefault(s.OrderId) ?? "", s.Status, s.Carrier, s.ServiceLevel, s.TrackingNumber,
                s.TrackingUrl, s.ShippoLabelUrl, s.ShippingCostCents, JsonValues.Parse(s.ShippingAddress), s.ShippedAt, s.DeliveredAt, s.CreatedAt,
                items[s.Id].Select(i => new FulfillmentItemResponse(i.Id, i.OrderItemId, lines.GetValueOrDefault(i.OrderItemId)?.Sku ?? "",
                    lines.GetValueOrDefault(i.OrderItemId)?.Name ?? "", i.Quantity, i.QuantityReturned, i.BatchId, i.BatchNumber,
                    i.BatchId is { } b ? coa.GetValueOrDefault(b) : null)).ToList(),
                history[s.Id].Select(FulfillmentHistoryResponse.From).ToList()))
            .ToList();
    }
}
