using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.Data;

namespace SbbCommerce.Api.Modules.Orders.History;

internal sealed class OrderHistory(SbbDbContext db) : IOrderHistory
{
    public Task<int> CountPlacedOrdersAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Set<Order>().CountAsync(o => o.UserId == userId && o.Status != OrderStatus.Cancelled, cancellationToken);

    public Task<int> CountDiscountUsesAsync(Guid userId, Guid discountId, CancellationToken cancellationToken) =>
        db.Set<Order>().CountAsync(o => o.UserId == userId && o.DiscountId == discountId && o.Status != OrderStatus.Cancelled, cancellationToken);
}
