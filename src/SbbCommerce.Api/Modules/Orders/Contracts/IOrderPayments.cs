namespace SbbCommerce.Api.Modules.Orders.Contracts;

/// <summary>
/// What the Payments module does to orders. Every method works in the caller's DbContext transaction: the
/// payment change and the order change commit together.
/// </summary>
public interface IOrderPayments
{
    Task<OrderPaymentView?> FindAsync(Guid orderId, CancellationToken cancellationToken);

    Task<OrderPaymentView?> FindByNumberAsync(string orderNumber, CancellationToken cancellationToken);

    /// <summary>The orders among <paramref name="orderIds"/>, for lists (one query).</summary>
    Task<IReadOnlyDictionary<Guid, OrderPaymentView>> FindManyAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken);

    /// <summary>Orders paid beyond their total, awaiting a refund (oldest first).</summary>
    Task<IReadOnlyList<OrderPaymentView>> OverpaidAsync(int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Raises the order's paid amount by <paramref name="amountCents"/> (one atomic UPDATE, so two verifications
    /// never lose one); when the order becomes fully paid while pending_payment it moves to payment_received
    /// (history row, paid_at, sales_order.created in the outbox).
    /// </summary>
    Task<OrderPaymentView> RecordPaymentAsync(Guid orderId, int amountCents, StatusActor actor, CancellationToken cancellationToken);

    /// <summary>
    /// A refund completed: the order becomes refunded when <paramref name="totalRefundedCents"/> covers everything
    /// paid, else partially_refunded (when its status allows it).
    /// </summary>
    Task<OrderPaymentView> RecordRefundAsync(Guid orderId, int totalRefundedCents, StatusActor actor, CancellationToken cancellationToken);
}
