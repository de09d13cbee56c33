using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.StateMachine;

namespace SbbCommerce.Api.Modules.Payments.Ledger;

/// <summary>
/// The one place a payment changes status: checks <see cref="PaymentStateMachine"/>, stamps completed_at /
/// failed_at, and writes the payment_attempts row (action, who, success, failure reason, request data, ip, user
/// agent, passed in by the caller) that every action leaves. Actions that change no status (a refund created) still get their row.
/// </summary>
internal sealed class PaymentLedger(SbbDbContext db, TimeProvider timeProvider)
{
    /// <summary>
    /// Moves the payment, or returns false (and changes nothing) when the state machine refuses the move: every
    /// caller answers that refusal (a problem, a skipped row), it never goes on as if the payment had moved.
    /// </summary>
    public async Task<bool> MoveAsync(Payment payment, PaymentStatus to, string action, PaymentCaller caller, object? requestData,
        CancellationToken cancellationToken, string? failureReason = null)
    {
        ArgumentNullException.ThrowIfNull(payment);
        if (!PaymentStateMachine.Machine.CanMove(payment.Status, to))
        {
            return false;
        }

        var now = timeProvider.GetDatabaseNow();
        payment.Status = to;
        payment.UpdatedAt = now;
        if (to == PaymentStatus.Completed)
        {
            payment.CompletedAt = now;
        }
        else if (to == PaymentStatus.Failed)
        {
            payment.FailedAt = now;
        }

        await RecordAsync(payment.Id, action, Label(to), caller, success: true, failureReason, requestData, cancellationToken);
        return true;
    }

    /// <summary>The first row of a new payment: no count to look up, it is attempt 1.</summary>
    public void RecordInitiated(Guid paymentId, PaymentCaller caller, object? requestData) =>
        Add(paymentId, 1, PaymentActions.Initiated, "initiated", caller, success: true, failureReason: null, requestData);

    public async Task RecordAsync(Guid paymentId, string action, string status, PaymentCaller caller, bool success, string? failureReason,
        object? requestData, CancellationToken cancellationToken)
    {
        var previous = await db.Set<PaymentAttempt>().CountAsync(a => a.PaymentId == paymentId, cancellationToken)
            + db.ChangeTracker.Entries<PaymentAttempt>().Count(e => e.State == EntityState.Added && e.Entity.PaymentId == paymentId);
        Add(paymentId, previous + 1, action, status, caller, success, failureReason, requestData);
    }

    private void Add(Guid paymentId, int attemptNumber, string action, string status, PaymentCaller caller, bool success, string? failureReason,
        object? requestData)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var (actor, request) = (caller.Actor, caller.Request);
        db.Set<PaymentAttempt>().Add(new PaymentAttempt
        {
            Id = Guid.CreateVersion7(),
            PaymentId = paymentId,
            AttemptNumber = attemptNumber,
            Status = status,
            Action = action,
            PerformedBy = actor.UserId,
            PerformedByType = actor.Type,
            Success = success,
            FailureReason = failureReason,
            RequestData = requestData is null ? null : JsonDefaults.Serialize(requestData),
            IpAddress = request.IpAddress,
            UserAgent = request.UserAgent,
            CreatedAt = timeProvider.GetDatabaseNow(),
        });
    }

    /// <summary>The attempt statuses of the design (initiated, submitted, verified, failed...), not the payment's own labels.</summary>
    private static string Label(PaymentStatus status) => status switch
    {
        PaymentStatus.AwaitingVerification => "submitted",
        PaymentStatus.Completed => "verified",
        _ => SnakeCaseEnum.Label(status),
    };
}

/// <summary>The <c>payment_attempts.action</c> values.</summary>
internal static class PaymentActions
{
    public const string Initiated = "initiated";
    public const string OrderCancelled = "order_cancelled";
    public const string CustomerSubmit = "customer_submit";
    public const string AdminVerify = "admin_verify";
    public const string AdminReject = "admin_reject";
    public const string AutoExpire = "auto_expire";
    public const string RefundCreated = "refund_created";
    public const string RefundCompleted = "refund_completed";
}
