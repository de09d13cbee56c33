using SbbCommerce.Api.Modules.Orders.Data;
using SbbCommerce.Api.Modules.Orders.Views;

namespace SbbCommerce.Api.Modules.Orders.OrderNotes;

internal static class OrderNotesEndpoint
{
    public static RouteHandlerBuilder MapOrderNotes(this RouteGroupBuilder admin) =>
        admin.MapPatch("/orders/{id:guid}/notes", HandleAsync).WithName("AdminOrderNotes").WithSummary("Set internal notes. Audited.")
            .WithValidation<OrderNotesRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, OrderNotesRequest request, SbbDbContext db, OrderReader reader, IAuditWriter audit, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var order = await db.Set<Order>().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return OrderProblems.NotFound();
        }

        audit.Record("order.notes_changed", "order", order.Id, new { order.InternalNotes }, new { request.InternalNotes });
        order.InternalNotes = request.InternalNotes;
        order.UpdatedAt = timeProvider.GetDatabaseNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await reader.ReadAsync(order, cancellationToken));
    }
}
