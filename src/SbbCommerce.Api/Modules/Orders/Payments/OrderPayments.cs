using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.Data;
using SbbCommerce.Api.Modules.Orders.StateMachine;

namespace SbbCommerce.Api.Modules.Orders.Payments;

internal sealed class OrderPayments(SbbDbContext db, OrderTransitions transitions, TimeProvider timeProvider) : IOrderPayments
{
    public async Task<OrderPaymentView?> FindAsync(Guid orderId, CancellationToken cancellationToken) =>
        await db.Set<Order>().AsNoTracking().Where(o => o.Id == orderId).Select(View).SingleOrDefaultAsync(cancellationToken);

    public async Task<OrderPaymentView?> FindByNumberAsync(string orderNumber, CancellationToken cancellationToken) =>
        await db.Set<Order>().AsNoTracking().Where(o => o.OrderNumber == orderNumber).Select(View).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, OrderPaymentView>> FindManyAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken) =>
        await db.Set<Order>().AsNoTracking().Where(o => orderIds.Contains(o.Id)).Select(View).ToDictionaryAsync(v => v.OrderId, cancellationToken);

    public async Task<IReadOnlyList<OrderPaymentView>> OverpaidAsync(int limit, CancellationToken cancellationToken) =>
        await db.Set<Order>().AsNoTracking().Where(o => o.AmountPaidCents > o.TotalCents && o.Status != OrderStatus.Refunded)
            .OrderBy(o => o.PaidAt).ThenBy(o => o.Id).Take(limit).Select(View).ToListAsync(cancellationToken);

    public async Task<OrderPaymentView> RecordPaymentAsync(Guid orderId, int amountCents, StatusActor actor, CancellationToken cancellationToken)
    {
        // One UPDATE adds the amount: two verifications of two payments at once both count, neither overwrites.
        var now = timeProvider.GetDatabaseNow();
        await db.Set<Order>().Where(o => o.Id == orderId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(o => o.AmountPaidCents, o => o.AmountPaidCents + amountCents)
                .SetProperty(o => o.UpdatedAt, now), cancellationToken);
        var order = await TrackedAsync(orderId, cancellationToken);
        if (order.Status == OrderStatus.PendingPayment && order.AmountPaidCents >= order.TotalCents)
        {
            await transitions.MoveAsync(order, OrderStatus.PaymentReceived, "payment verified", actor, cancellationToken);
        }

        return ToView(order);
    }

    public async Task<OrderPaymentView> RecordRefundAsync(Guid orderId, int totalRefundedCents, StatusActor actor, CancellationToken cancellationToken)
    {
        // Locked like fulfilment locks it (payment, then order, then shipments): a shipment leaving at the same moment
        // either ships before this full refund (its units stay shipped) or finds its fulfilment cancelled.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM orders WHERE id = {orderId} FOR UPDATE", cancellationToken);
        var order = await TrackedAsync(orderId, cancellationToken);
        var target = totalRefundedCents >= order.AmountPaidCents ? OrderStatus.Refunded : OrderStatus.PartiallyRefunded;
        if (order.Status != target && OrderStateMachine.Machine.CanMove(order.Status, target))
        {
            await transitions.MoveAsync(order, target, $"refunds total {totalRefundedCents} cents", actor, cancellationToken);
        }

        return ToView(order);
    }

    /// <summary>The order as the database has it now (an entity already tracked is refreshed).</summary>
    private async Task<Order> TrackedAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var order = await db.Set<Order>().SingleAsync(o => o.Id == orderId, cancellationToken);
        await db.Entry(order).ReloadAsync(cancellationToken);
        return order;
    }

    private static OrderPaymentView ToView(Order o) =>
        new(o.Id, o.OrderNumber, o.UserId, o.CustomerEmail, o.Status, o.TotalCents, o.AmountPaidCents);

    private static readonly System.Linq.Expressions.Expression<Func<Order, OrderPaymentView>> View =
        o => new OrderPaymentView(o.Id, o.OrderNumber, o.UserId, o.CustomerEmail, o.Status, o.TotalCents, o.AmountPaidCents);
}
