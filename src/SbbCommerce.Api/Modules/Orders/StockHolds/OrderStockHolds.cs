using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.Data;

namespace SbbCommerce.Api.Modules.Orders.StockHolds;

/// <summary>
/// What the code does with stock: checkout reserves every unit of the order; shipping a fulfilment commits its units;
/// cancelling, and a full refund before anything shipped, release the units still held. So an order holds its units
/// minus the units in its shipped fulfilments unless it is cancelled or refunded (partial refunds are money only).
/// </summary>
internal sealed class OrderStockHolds(SbbDbContext db, IShippedUnits shipments) : IStockHolds
{
    public IQueryable<HeldUnits> HeldByProduct()
    {
        var shipped = shipments.ByOrderLine();
        var held = from line in db.Set<OrderItem>()
                   join order in db.Set<Order>() on line.OrderId equals order.Id
                   where order.Status != OrderStatus.Cancelled && order.Status != OrderStatus.Refunded
                   select new
                   {
                       line.ProductId,
                       Units = line.Quantity - shipped.Where(s => s.OrderItemId == line.Id).Sum(s => s.Units),
                   };
        return held.GroupBy(line => line.ProductId)
            .Select(product => new HeldUnits { ProductId = product.Key, Units = product.Sum(line => line.Units) });
    }
}
