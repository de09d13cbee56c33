using SbbCommerce.Api.Modules.Orders.Data;
using SbbCommerce.Api.Modules.Orders.Views;

namespace SbbCommerce.Api.Modules.Orders.AdminGetOrder;

internal static class AdminGetOrderEndpoint
{
    public static RouteHandlerBuilder MapAdminGetOrder(this RouteGroupBuilder admin) =>
        admin.MapGet("/orders/{id:guid}", HandleAsync).WithName("AdminGetOrder").WithSummary("An order with lines, payments and history.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, SbbDbContext db, OrderReader reader, CancellationToken cancellationToken) =>
        await db.Set<Order>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is { } order
            ? TypedResults.Ok(await reader.ReadAsync(order, cancellationToken))
            : OrderProblems.NotFound();
}
