using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.Data;

namespace SbbCommerce.Api.Modules.Orders.Analytics;

/// <summary>Two queries (orders, then their lines): orders are orders of magnitude fewer than events.</summary>
internal sealed class OrderAnalytics(SbbDbContext db) : IOrderAnalytics
{
    public async Task<IReadOnlyList<OrderFact>> OrdersCreatedAsync(DateTimeOffset start, DateTimeOffset until, CancellationToken cancellationToken)
    {
        (start, until) = (start.ToUniversalTime(), until.ToUniversalTime());
        var orders = await db.Set<Order>().AsNoTracking()
            .Where(o => o.CreatedAt >= start && o.CreatedAt < until && o.Status != OrderStatus.Cancelled)
            .Select(o => new { o.Id, o.UserId, o.UtmSource, o.UtmMedium, o.UtmCampaign, o.TotalCents, o.PaidAt })
            .ToListAsync(cancellationToken);
        var ids = orders.Select(o => o.Id).ToList();
        var lines = (await db.Set<OrderItem>().AsNoTracking()
                .Where(i => ids.Contains(i.OrderId))
                .Select(i => new { i.OrderId, i.ProductId, i.ProductName, i.Quantity, i.UnitPriceCents })
                .ToListAsync(cancellationToken))
            .ToLookup(i => i.OrderId, i => new OrderLineFact(i.ProductId, i.ProductName, i.Quantity, i.Quantity * i.UnitPriceCents));
        return orders.Select(o => new OrderFact(o.Id, o.UserId, o.UtmSource, o.UtmMedium, o.UtmCampaign, o.TotalCents, o.PaidAt is not null,
            [.. lines[o.Id]])).ToList();
    }
}
