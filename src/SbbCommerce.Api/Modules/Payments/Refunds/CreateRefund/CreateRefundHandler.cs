using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Ledger;

namespace SbbCommerce.Api.Modules.Payments.Refunds.CreateRefund;

/// <summary>
/// A refund is created pending against a completed payment, never beyond what the payment received minus what its
/// other refunds (pending or completed) take: the payment row is locked while counting, so two refunds racing cannot
/// together exceed it.
/// </summary>
internal sealed class CreateRefundHandler(SbbDbContext db, PaymentLedger ledger, IAuditWriter audit, TimeProvider timeProvider,
    ILogger<CreateRefundHandler> logger)
{
    public async Task<Results<Created<RefundResponse>, ProblemHttpResult>> HandleAsync(
        Guid paymentId, CreateRefundRequest request, PaymentCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payment = await db.LockAsync<Payment>(paymentId, cancellationToken);
        if (payment is null)
        {
            return ApiProblems.NotFound(PaymentsErrors.PaymentNotFound, "Payment not found.");
        }

        if (payment.Status is not (PaymentStatus.Completed or PaymentStatus.PartiallyRefunded))
        {
            return ApiProblems.Unprocessable(PaymentsErrors.InvalidPaymentState, "Only a completed payment can be refunded.");
        }

        var committed = await db.Set<Refund>().Where(r => r.PaymentId == paymentId && r.Status != RefundStatus.Failed)
            .SumAsync(r => r.AmountCents, cancellationToken);
        var refundable = (payment.ReceivedAmountCents ?? payment.AmountCents) - committed;
        if (request.AmountCents > refundable)
        {
            return ApiProblems.Unprocessable(PaymentsErrors.RefundExceedsPaid, "The refund is larger than what is left to refund.",
                extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["refundableCents"] = Math.Max(refundable, 0) });
        }

        var now = timeProvider.GetDatabaseNow();
        var sequence = await db.NextAsync(HumanReferences.Refund, "RF", cancellationToken);
        var refund = new Refund
        {
            Id = Guid.CreateVersion7(),
            RefundReference = sequence,
            PaymentId = payment.Id,
            OrderId = payment.OrderId,
            AmountCents = request.AmountCents,
            Status = RefundStatus.Pending,
            Reason = request.Reason,
            ReasonDetails = request.ReasonDetails,
            RefundMethod = request.RefundMethod,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Set<Refund>().Add(refund);
        await ledger.RecordAsync(payment.Id, PaymentActions.RefundCreated, "refund_pending", caller, success: true, failureReason: null,
            new { refund.RefundReference, refund.AmountCents, refund.Reason, refund.RefundMethod }, cancellationToken);
        audit.Record("refund.created", "refund", refund.Id, null, RefundResponse.From(refund));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        PaymentsLog.RefundCreated(logger, refund.Id, payment.Id);
        return TypedResults.Created($"/api/v1/admin/refunds/{refund.Id}", RefundResponse.From(refund));
    }
}
