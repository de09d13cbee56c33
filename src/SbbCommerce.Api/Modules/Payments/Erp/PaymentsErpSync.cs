using SbbCommerce.Api.Modules.Integration.Contracts;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Erp;

/// <summary>Cash receipts and credit memos and the ERP: the ids Propello gives back, and a re-sync on an admin's request.</summary>
internal sealed class PaymentsErpSync(SbbDbContext db, IOutboxWriter outbox, IOrderPayments orders)
    : ErpRecordSync(
        [
            new(ErpEventTypes.PaymentCompleted, "payments", "erp_payment_id", "paymentId"),
            new(ErpEventTypes.CreditMemoCreated, "refunds", "erp_refund_id", "refundId"),
        ],
        ["payment", "refund", "credit_memo"])
{
    /// <summary>Only completed payments and refunds reached the ERP's books.</summary>
    public override async Task<bool> ResyncAsync(string entityType, Guid entityId, CancellationToken cancellationToken)
    {
        if (entityType == "payment")
        {
            var payment = await db.Set<Payment>().SingleOrDefaultAsync(p => p.Id == entityId && p.Status == PaymentStatus.Completed, cancellationToken);
            var order = payment is null ? null : await orders.FindAsync(payment.OrderId, cancellationToken);
            if (payment is null || order is null)
            {
                return false;
            }

            payment.ErpSyncedAt = null;
            await PaymentErpMessages.EnqueueCompletedAsync(db, outbox, payment, order.OrderNumber, cancellationToken);
            return true;
        }

        var refund = await db.Set<Refund>().SingleOrDefaultAsync(r => r.Id == entityId && r.Status == "completed", cancellationToken);
        var refunded = refund is null ? null : await db.Set<Payment>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == refund.PaymentId, cancellationToken);
        var refundOrder = refund is null ? null : await orders.FindAsync(refund.OrderId, cancellationToken);
        if (refund is null || refunded is null || refundOrder is null)
        {
            return false;
        }

        refund.ErpSyncedAt = null;
        PaymentErpMessages.EnqueueCreditMemo(outbox, refund, refunded, refundOrder.OrderNumber);
        return true;
    }
}
