using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.Paging;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Common.StateMachines;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.Data;
using SbbCommerce.Api.Modules.Orders.StateMachine;
using SbbCommerce.Api.Modules.Orders.Views;
using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.Api.Modules.Orders.Customer;

/// <summary>A row of the customer's order list.</summary>
internal sealed record OrderSummary(Guid Id, string OrderNumber, OrderStatus Status, int TotalCents, int AmountPaidCents, int ItemCount,
    DateTimeOffset CreatedAt);

internal static class CustomerOrderEndpoints
{
    public static RouteGroupBuilder MapCustomerOrders(this RouteGroupBuilder orders)
    {
        orders.MapGet("", ListAsync).WithName("ListMyOrders").WithSummary("The user's orders, newest first (keyset pages).")
            .ProducesValidationProblem();
        orders.MapGet("/{orderNumber}", GetAsync).WithName("GetMyOrder")
            .WithSummary("One of the user's orders with lines, payments and status history (another user's is 404).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        orders.MapPost("/{orderNumber}/cancel", CancelAsync).WithName("CancelMyOrder")
            .WithSummary("Cancel while pending_payment: the reserved stock is released and pending payments are cancelled.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return orders;
    }

    private static async Task<Results<Ok<PagedResponse<OrderSummary>>, ValidationProblem>> ListAsync(
        ICurrentUser currentUser, SbbDbContext db, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var page = PageRequest.From(limit, cursor);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var after = CursorReader.Read(page, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var query = db.Set<Order>().AsNoTracking().Where(o => o.UserId == currentUser.UserId);
        if (after is not null)
        {
            query = query.Where(o => o.CreatedAt < after.CreatedAt || (o.CreatedAt == after.CreatedAt && o.Id.CompareTo(after.Id) < 0));
        }

        var rows = await query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Take(page.Limit + 1)
            .Select(o => new OrderSummary(o.Id, o.OrderNumber, o.Status, o.TotalCents, o.AmountPaidCents,
                db.Set<OrderItem>().Where(i => i.OrderId == o.Id).Sum(i => i.Quantity), o.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(KeysetCursor.ToPage(rows, page.Limit, row => row, row => new CreatedIdCursor(row.CreatedAt, row.Id)));
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> GetAsync(
        string orderNumber, ICurrentUser currentUser, SbbDbContext db, OrderReader reader, CancellationToken cancellationToken)
    {
        var order = await db.Set<Order>().AsNoTracking()
            .SingleOrDefaultAsync(o => o.OrderNumber == orderNumber && o.UserId == currentUser.UserId, cancellationToken);
        return order is null ? NotFound() : TypedResults.Ok(await reader.ReadAsync(order, cancellationToken));
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> CancelAsync(
        string orderNumber, ICurrentUser currentUser, SbbDbContext db, OrderTransitions transitions, OrderReader reader,
        IPaymentsModule payments, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Set<Order>()
            .FromSqlInterpolated($"SELECT *, xmin FROM orders WHERE order_number = {orderNumber} AND user_id = {currentUser.UserId} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (order is null)
        {
            return NotFound();
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

    private static ProblemHttpResult NotFound() => ApiProblems.NotFound(OrdersErrors.OrderNotFound, "Order not found.");
}
