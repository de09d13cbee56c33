using SbbCommerce.Api.Common.Faults;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Erp;
using SbbCommerce.Api.Modules.Payments.Ledger;

namespace SbbCommerce.Api.Modules.Payments.Refunds.CompleteRefund;

/// <summary>
/// Completing a pending refund moves the payment (and the order) to partially_refunded or refunded and queues
/// credit_memo.created for the ERP, in one transaction with the refund and the payment locked and ONE save.
/// </summary>
internal sealed class CompleteRefundHandler(
    SbbDbContext db,
    PaymentLedger ledger,
    IOrderPayments orders,
    IOutboxWriter outbox,
    IAuditWriter audit,
    IFaultPoint faults,
    TimeProvider timeProvider,
    ILogger<CompleteRefundHandler> logger)
{
    public async Task<Results<Ok<RefundResponse>, ProblemHttpResult>> HandleAsync(Guid refundId, PaymentCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var refund = await db.LockAsync<Refund>(refundId, cancellationToken);
        if (refund is null)
        {
            return ApiProblems.NotFound(PaymentsErrors.RefundNotFound, "Refund not found.");
        }

        if (refund.Status != RefundStatus.Pending)
        {
            return ApiProblems.Conflict(ErrorCodes.ConcurrencyConflict, "This refund was already completed or failed.");
        }

        var payment = (await db.LockAsync<Payment>(refund.PaymentId, cancellationToken))!; // refunds.payment_id is a foreign key
        var now = timeProvider.GetDatabaseNow();
        refund.Status = RefundStatus.Completed;
        refund.ProcessedBy = caller.Actor.UserId;
        refund.ProcessedAt = now;
        refund.UpdatedAt = now;
        payment.RefundedAmountCents += refund.AmountCents;
        var received = payment.ReceivedAmountCents ?? payment.AmountCents;
        var target = payment.RefundedAmountCents >= received ? PaymentStatus.Refunded : PaymentStatus.PartiallyRefunded;
        if (payment.Status != target)
        {
            if (!await ledger.MoveAsync(payment, target, PaymentActions.RefundCompleted, caller, new { refund.RefundReference, refund.AmountCents },
                    cancellationToken))
            {
                // Nothing is saved: disposing the transaction rolls the refund back to pending.
                return ApiProblems.Unprocessable(PaymentsErrors.InvalidPaymentState, "This payment can no longer be refunded.",
                    extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["paymentStatus"] = payment.Status });
            }
        }
        else
        {
            await ledger.RecordAsync(payment.Id, PaymentActions.RefundCompleted, "refund_completed", caller, success: true, failureReason: null,
                new { refund.RefundReference, refund.AmountCents }, cancellationToken);
        }

        // The order's refunded total: its other payments as stored, this one as it is about to be saved (no save in between).
        var otherPaymentsRefunded = await db.Set<Payment>().Where(p => p.OrderId == refund.OrderId && p.Id != payment.Id)
            .SumAsync(p => p.RefundedAmountCents, cancellationToken);
        var order = await orders.RecordRefundAsync(refund.OrderId, otherPaymentsRefunded + payment.RefundedAmountCents, caller.Actor, cancellationToken);
        PaymentErpMessages.EnqueueCreditMemo(outbox, refund, payment, order.OrderNumber);
        PaymentEmails.Enqueue(outbox, PaymentEmails.RefundCompleted, order.CustomerEmail, payment.Id,
            new { refund.RefundReference, order.OrderNumber, refund.AmountCents, refund.RefundMethod });
        audit.Record("refund.completed", "refund", refund.Id, new { Status = RefundStatus.Pending }, new { refund.Status, PaymentStatus = payment.Status });
        await db.SaveChangesAsync(cancellationToken);
        faults.Reach(FaultPoints.RefundCompleteBeforeCommit);
        await transaction.CommitAsync(cancellationToken);
        PaymentsLog.RefundCompleted(logger, refund.Id, payment.Id, payment.Status);
        return TypedResults.Ok(RefundResponse.From(refund));
    }
}
