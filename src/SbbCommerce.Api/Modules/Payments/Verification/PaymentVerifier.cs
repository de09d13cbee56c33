using SbbCommerce.Api.Common.Faults;
using SbbCommerce.Api.Modules.Events.Contracts;
using SbbCommerce.Api.Modules.Integration.Contracts;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Payments.Admin.VerifyPayment;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Erp;
using SbbCommerce.Api.Modules.Payments.Ledger;

namespace SbbCommerce.Api.Modules.Payments.Verification;

/// <summary>
/// Verify and reject, each in ONE transaction with the payment row locked: two admins acting on one payment at
/// once apply one after the other, and the second finds it already decided (409). Verification completes the
/// payment, raises the order's paid amount (and moves the order when fully paid) and queues payment.completed
/// for the ERP and the customer's message.
/// </summary>
internal sealed class PaymentVerifier(
    SbbDbContext db,
    PaymentLedger ledger,
    IOrderPayments orders,
    IOutboxWriter outbox,
    IEventRecorder events,
    IAuditWriter audit,
    IFaultPoint faults,
    TimeProvider timeProvider,
    ILogger<PaymentVerifier> logger)
{
    public const string PaymentCompleted = ErpEventTypes.PaymentCompleted;

    /// <summary>
    /// Verifies as <paramref name="caller"/> (an admin with <see cref="PaymentActions.AdminVerify"/>; statement reconciliation
    /// and ERP receipts as the system). Joins the caller's transaction when there is one, so the caller's own rows (the
    /// statement line) commit with the payment or not at all. Null when verified, else the refusal to answer.
    /// </summary>
    public async Task<ProblemHttpResult?> VerifyAsync(Guid paymentId, VerifyPaymentRequest request, PaymentCaller caller, string action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        var actor = caller.Actor;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var payment = await LockAsync(paymentId, cancellationToken);
        if (Refusal(payment) is { } refusal)
        {
            return refusal;
        }

        if ((await orders.FindAsync(payment!.OrderId, cancellationToken))?.Status == OrderStatus.Cancelled)
        {
            // The order was cancelled and its stock released: money for it is refunded, not booked.
            return ApiProblems.Unprocessable(PaymentsErrors.InvalidPaymentState, "The order of this payment was cancelled; reject it and refund the customer.");
        }

        var received = request.ReceivedAmountCents ?? payment!.AmountCents;
        var now = timeProvider.GetDatabaseNow();
        if (!await ledger.MoveAsync(payment!, PaymentStatus.Completed, action, caller, new { ReceivedAmountCents = received, request.Notes },
                cancellationToken))
        {
            return NotMovable(payment!);
        }

        payment!.ReceivedAmountCents = received;
        payment.VerifiedBy = actor.UserId;
        payment.VerifiedAt = now;
        payment.VerificationNotes = request.Notes;
        var order = await orders.RecordPaymentAsync(payment.OrderId, received, actor, cancellationToken);

        await PaymentErpMessages.EnqueueCompletedAsync(db, outbox, payment, order.OrderNumber, cancellationToken);
        PaymentEmails.Enqueue(outbox, PaymentEmails.Verified, order.CustomerEmail, payment.Id,
            new { payment.PaymentReference, order.OrderNumber, ReceivedAmountCents = received, order.AmountDueCents, order.OverpaidCents });
        events.Record(new ServerEvent("payment.completed")
        {
            UserId = payment.UserId,
            OrderId = payment.OrderId,
            PaymentId = payment.Id,
            Properties = new { ReceivedAmountCents = received, order.AmountDueCents },
        }.WithRequest(caller.Request));
        audit.Record("payment.verified", "payment", payment.Id, new { Status = PaymentStatus.AwaitingVerification },
            new { payment.Status, ReceivedAmountCents = received, request.Notes, OrderStatus = order.Status });
        await db.SaveChangesAsync(cancellationToken);
        faults.Reach(FaultPoints.PaymentVerifyBeforeCommit);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        PaymentsLog.PaymentVerified(logger, payment.Id, action, payment.OrderId);
        return null;
    }

    /// <summary>Rejects as <paramref name="caller"/>: null when rejected, else the refusal to answer.</summary>
    public async Task<ProblemHttpResult?> RejectAsync(Guid paymentId, string reason, PaymentCaller caller, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var payment = await LockAsync(paymentId, cancellationToken);
        if (Refusal(payment) is { } refusal)
        {
            return refusal;
        }

        if (!await ledger.MoveAsync(payment!, PaymentStatus.Failed, PaymentActions.AdminReject, caller, new { Reason = reason },
                cancellationToken, failureReason: reason))
        {
            return NotMovable(payment!);
        }

        payment!.VerificationNotes = reason;
        var order = await orders.FindAsync(payment.OrderId, cancellationToken);
        PaymentEmails.Enqueue(outbox, PaymentEmails.Rejected, order!.CustomerEmail, payment.Id,
            new { payment.PaymentReference, order.OrderNumber, Reason = reason });
        audit.Record("payment.rejected", "payment", payment.Id, new { Status = PaymentStatus.AwaitingVerification }, new { payment.Status, Reason = reason });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        PaymentsLog.PaymentRejected(logger, payment.Id);
        return null;
    }

    private Task<Payment?> LockAsync(Guid paymentId, CancellationToken cancellationToken) => db.LockAsync<Payment>(paymentId, cancellationToken);

    private static ProblemHttpResult NotMovable(Payment payment) =>
        ApiProblems.Unprocessable(PaymentsErrors.InvalidPaymentState, "This payment cannot move to that state.",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["paymentStatus"] = payment.Status });

    /// <summary>Only a submitted payment is decided; one already decided is a lost race (409), one not submitted is 422.</summary>
    private static ProblemHttpResult? Refusal(Payment? payment) => payment?.Status switch
    {
        null => ApiProblems.NotFound(PaymentsErrors.PaymentNotFound, "Payment not found."),
        PaymentStatus.AwaitingVerification => null,
        PaymentStatus.Completed or PaymentStatus.Failed or PaymentStatus.PartiallyRefunded or PaymentStatus.Refunded =>
            ApiProblems.Conflict(ErrorCodes.ConcurrencyConflict, "This payment was already decided by someone else.", $"It is {payment.Status}."),
        _ => ApiProblems.Unprocessable(PaymentsErrors.InvalidPaymentState, "Only a payment awaiting verification can be verified or rejected.",
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["paymentStatus"] = payment.Status }),
    };
}
