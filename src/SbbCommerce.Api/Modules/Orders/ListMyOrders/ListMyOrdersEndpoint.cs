using SbbCommerce.Api.Modules.Orders.Data;
using SbbCommerce.Api.Modules.Orders.Views;

namespace SbbCommerce.Api.Modules.Orders.ListMyOrders;

internal static class ListMyOrdersEndpoint
{
    public static RouteHandlerBuilder MapListMyOrders(this RouteGroupBuilder orders) =>
        orders.MapGet("", HandleAsync).WithName("ListMyOrders").WithSummary("The user's orders, newest first (keyset pages).")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<PagedResponse<OrderSummary>>, ValidationProblem>> HandleAsync(
        ICurrentUser currentUser, SbbDbContext db, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var page = PageRequest.From(limit, cursor);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var after = CursorReader.Read(page, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var mine = db.Set<Order>().AsNoTracking().Where(o => o.UserId == currentUser.UserId);
        return TypedResults.Ok(await OrderList.PageAsync(db, mine, page, after, cancellationToken));
    }
}
