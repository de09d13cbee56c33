using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Data;

namespace SbbCommerce.Api.Modules.Fulfillment.Stock;

internal sealed class ShippedUnits(SbbDbContext db) : IShippedUnits
{
    public IQueryable<ShippedOrderLine> ByOrderLine() =>
        from item in db.Set<ShipmentItem>()
        join shipment in db.Set<Shipment>() on item.FulfillmentId equals shipment.Id
        where shipment.ShippedAt != null
        select new ShippedOrderLine { OrderItemId = item.OrderItemId, Units = item.Quantity };
}
