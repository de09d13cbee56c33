using SbbCommerce.Api.Modules.Integration.Contracts;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Erp;

/// <summary>
/// Payments' ERP messages: <c>payment.completed</c> (cash receipt: reference, method, amount received) and
/// <c>credit_memo.created</c>. Both are keyed by the order (outbox entity <c>order</c>), so the ERP receives them
/// after the order's sales order, in the order they were written.
/// </summary>
internal static class PaymentErpMessages
{
    public const string OrderEntity = "order";

    public static async Task EnqueueCompletedAsync(
        SbbDbContext db, IOutboxWriter outbox, Payment payment, string orderNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(payment);
        var method = await db.Set<PaymentMethod>().AsNoTracking().Where(m => m.Id == payment.PaymentMethodId)
            .Select(m => (PaymentMethodType?)m.MethodType).SingleOrDefaultAsync(cancellationToken);
        outbox.Enqueue(OutboxDestinations.EpicorPropello, ErpEventTypes.PaymentCompleted, new ErpPaymentCompleted(
            payment.Id, payment.PaymentReference, payment.OrderId, orderNumber, payment.UserId,
            payment.ReceivedAmountCents ?? payment.AmountCents, payment.Currency, payment.PaymentMethodId,
            method is { } type ? SnakeCaseEnum.Label(type) : null, payment.VerifiedAt ?? payment.UpdatedAt), OrderEntity, payment.OrderId);
    }

    public static void EnqueueCreditMemo(IOutboxWriter outbox, Refund refund, Payment payment, string orderNumber)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentNullException.ThrowIfNull(payment);
        outbox.Enqueue(OutboxDestinations.EpicorPropello, ErpEventTypes.CreditMemoCreated, new ErpCreditMemo(
            refund.Id, refund.RefundReference, refund.PaymentId, payment.PaymentReference, refund.OrderId, orderNumber, refund.AmountCents,
            payment.Currency, refund.Reason, refund.RefundMethod, refund.ProcessedAt), OrderEntity, refund.OrderId);
    }
}
