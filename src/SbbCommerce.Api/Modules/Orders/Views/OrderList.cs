using SbbCommerce.Api.Modules.Orders.Data;

namespace SbbCommerce.Api.Modules.Orders.Views;

/// <summary>The order list of customers and admins alike: newest first, keyset pages, the item count summed in the query.</summary>
internal static class OrderList
{
    public static async Task<PagedResponse<OrderSummary>> PageAsync(
        SbbDbContext db, IQueryable<Order> orders, PageRequest page, CreatedIdCursor? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await orders.Page(page, after, o => o.CreatedAt, o => o.Id)
            .Select(o => new OrderSummary(o.Id, o.OrderNumber, o.Status, o.TotalCents, o.AmountPaidCents,
                db.Set<OrderItem>().Where(i => i.OrderId == o.Id).Sum(i => i.Quantity), o.CreatedAt))
            .ToListAsync(cancellationToken);
        return KeysetCursor.ToPage(rows, page.Limit, row => row, row => new CreatedIdCursor(row.CreatedAt, row.Id));
    }
}
