using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.Data;
using SbbCommerce.Api.Modules.Orders.StateMachine;
using SbbCommerce.Api.Modules.Orders.Views;
using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.Api.Modules.Orders.CancelMyOrder;

internal static class CancelMyOrderEndpoint
{
    public static RouteHandlerBuilder MapCancelMyOrder(this RouteGroupBuilder orders) =>
        orders.MapPost("/{orderNumber}/cancel", HandleAsync).WithName("CancelMyOrder")
            .WithSummary("Cancel while pending_payment: the reserved stock is released and pending payments are cancelled.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> HandleAsync(
        string orderNumber, ICurrentUser currentUser, SbbDbContext db, OrderTransitions transitions, OrderReader reader,
        IPaymentsModule payments, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Locking<Order>($"order_number = {orderNumber} AND user_id = {currentUser.UserId}")
            .SingleOrDefaultAsync(cancellationToken);
        if (order is null)
        {
            return OrderProblems.NotFound();
        }

        if (order.Status == OrderStatus.PendingPayment && await payments.HasPaymentAwaitingVerificationAsync(order.Id, cancellationToken))
        {
            return ApiProblems.Unprocessable(OrdersErrors.InvalidTransition,
                "A payment of this order is being verified; it can no longer be cancelled by the customer.");
        }

        if (order.Status != OrderStatus.PendingPayment
            || !await transitions.MoveAsync(order, OrderStatus.Cancelled, "cancelled by the customer", StatusActor.Customer(order.UserId), cancellationToken))
        {
            return ApiProblems.Unprocessable(OrdersErrors.InvalidTransition, "Only an order awaiting payment can be cancelled.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["currentStatus"] = order.Status });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await reader.ReadAsync(order, cancellationToken));
    }
}
