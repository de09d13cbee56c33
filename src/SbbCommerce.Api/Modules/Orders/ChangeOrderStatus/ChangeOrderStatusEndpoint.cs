using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.Data;
using SbbCommerce.Api.Modules.Orders.StateMachine;
using SbbCommerce.Api.Modules.Orders.Views;

namespace SbbCommerce.Api.Modules.Orders.ChangeOrderStatus;

internal static class ChangeOrderStatusEndpoint
{
    public static RouteHandlerBuilder MapChangeOrderStatus(this RouteGroupBuilder admin) =>
        admin.MapPost("/orders/{id:guid}/status", HandleAsync).WithName("AdminChangeOrderStatus")
            .WithSummary("Move an order along the state machine (422 invalid_transition otherwise). For partially_refunded orders, " +
                "processing/ready_to_ship/shipped/delivered advance fulfillmentProgress. Audited.")
            .WithValidation<ChangeOrderStatusRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>The order row is locked for the change: two admins moving one order apply one after the other.</summary>
    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ChangeOrderStatusRequest request, ICurrentUser currentUser, SbbDbContext db, OrderTransitions transitions, OrderReader reader,
        IAuditWriter audit, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.LockAsync<Order>(id, cancellationToken);
        if (order is null)
        {
            return OrderProblems.NotFound();
        }

        if (request.ToStatus is OrderStatus.Shipped or OrderStatus.Delivered)
        {
            return OnlyThroughFulfillments(order, request.ToStatus);
        }

        var before = new { order.Status, order.FulfillmentProgress };
        if (!await transitions.MoveAsync(order, request.ToStatus, request.Reason, StatusActor.Admin(currentUser.UserId!.Value), cancellationToken))
        {
            return ApiProblems.Unprocessable(OrdersErrors.InvalidTransition,
                $"An order cannot go from {SnakeCaseEnum.Label(order.Status)} to {SnakeCaseEnum.Label(request.ToStatus)}.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["currentStatus"] = order.Status, ["toStatus"] = request.ToStatus });
        }

        audit.Record("order.status_changed", "order", order.Id, before, new { order.Status, order.FulfillmentProgress, request.Reason });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await reader.ReadAsync(order, cancellationToken));
    }

    /// <summary>A shipment is a fact with lots, stock and tracking: only the fulfilment routes record it.</summary>
    private static ProblemHttpResult OnlyThroughFulfillments(Order order, OrderStatus toStatus) =>
        ApiProblems.Unprocessable(OrdersErrors.InvalidTransition,
            $"An order becomes {SnakeCaseEnum.Label(toStatus)} only through its fulfilments.",
            "Use POST /api/v1/admin/orders/{id}/fulfillments, then POST /api/v1/admin/fulfillments/{id}/ship and /deliver.",
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["currentStatus"] = order.Status,
                ["toStatus"] = toStatus,
                ["fulfillmentRoutes"] = new[]
                {
                    $"/api/v1/admin/orders/{order.Id}/fulfillments", "/api/v1/admin/fulfillments/{id}/ship", "/api/v1/admin/fulfillments/{id}/deliver",
                },
            });
}
