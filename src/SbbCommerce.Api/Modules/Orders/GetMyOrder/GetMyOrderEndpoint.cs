using SbbCommerce.Api.Modules.Orders.Data;
using SbbCommerce.Api.Modules.Orders.Views;

namespace SbbCommerce.Api.Modules.Orders.GetMyOrder;

internal static class GetMyOrderEndpoint
{
    public static RouteHandlerBuilder MapGetMyOrder(this RouteGroupBuilder orders) =>
        orders.MapGet("/{orderNumber}", HandleAsync).WithName("GetMyOrder")
            .WithSummary("One of the user's orders with lines, payments and status history (another user's is 404).")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> HandleAsync(
        string orderNumber, ICurrentUser currentUser, SbbDbContext db, OrderReader reader, CancellationToken cancellationToken)
    {
        var order = await db.Set<Order>().AsNoTracking()
            .SingleOrDefaultAsync(o => o.OrderNumber == orderNumber && o.UserId == currentUser.UserId, cancellationToken);
        return order is null ? OrderProblems.NotFound() : TypedResults.Ok(await reader.ReadAsync(order, cancellationToken));
    }
}
