using SbbCommerce.Api.Modules.Payments.Admin.VerifyPayment;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Ledger;
using SbbCommerce.Api.Modules.Payments.Verification;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Matching;

/// <summary>
/// Books a statement line as the proof of one payment, inside the caller's transaction: the payment is verified
/// through <see cref="PaymentVerifier"/> (same history, attempts, outbox, email and audit as an admin's verify) for
/// the amount the line carries, and the line becomes matched. The payment row is locked first, so two bookings of one
/// payment run one after the other and the second finds it verified; the unique index on matched_payment_id is the
/// last word. On a refusal the caller rolls back.
/// </summary>
internal sealed class LineBooking(SbbDbContext db, PaymentVerifier verifier, PaymentLedger ledger, IAuditWriter audit, TimeProvider timeProvider)
{
    /// <summary>payment_attempts.action of a payment proved by a statement line (pending -> awaiting_verification -> completed).</summary>
    public const string StatementMatch = "statement_match";

    public async Task<ProblemHttpResult?> BookAsync(ReconciliationLine line, Guid paymentId, PaymentCaller caller, int score, IReadOnlyList<string> reasons,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(caller);
        var actor = caller.Actor;
        if (line.Status == LineStatus.Matched)
        {
            return ApiProblems.Conflict(ReconciliationErrors.LineAlreadyMatched, "This statement line already verified a payment.");
        }

        if (line.Direction != LineDirection.Incoming)
        {
            return ApiProblems.Unprocessable(ReconciliationErrors.LineNotIncoming, "Only money that came in can verify a payment.");
        }

        var payment = await db.LockAsync<Payment>(paymentId, cancellationToken);
        if (payment is null)
        {
            return ApiProblems.NotFound(PaymentsErrors.PaymentNotFound, "Payment not found.");
        }

        if (payment.Status is not (PaymentStatus.Pending or PaymentStatus.AwaitingVerification)
            || await db.Set<ReconciliationLine>().AnyAsync(l => l.MatchedPaymentId == paymentId, cancellationToken))
        {
            return ApiProblems.Conflict(ReconciliationErrors.PaymentAlreadyMatched, "This payment was already verified.",
                $"Payment {payment.PaymentReference} is {Common.Json.SnakeCaseEnum.Label(payment.Status)}.");
        }

        if (payment.Status == PaymentStatus.Pending)
        {
            // The customer paid without telling us: the statement line is their proof.
            if (!await ledger.MoveAsync(payment, PaymentStatus.AwaitingVerification, StatementMatch, caller,
                    new { StatementLineId = line.Id, line.ProviderTransactionId }, cancellationToken))
            {
                return ApiProblems.Unprocessable(PaymentsErrors.InvalidPaymentState, "This payment cannot take a statement line as its proof.");
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        var before = new { line.Status, line.MatchedPaymentId };
        var now = timeProvider.GetDatabaseNow();
        line.Status = LineStatus.Matched;
        line.MatchedPaymentId = paymentId;
        line.Score = score;
        line.Reasons = Common.Json.JsonDefaults.Serialize(reasons);
        line.DecidedBy = actor.UserId;
        line.DecidedAt = now;
        line.UpdatedAt = now;
        audit.Record("reconciliation.line_matched", "reconciliation_line", line.Id, before,
            new { line.Status, line.MatchedPaymentId, payment.PaymentReference, line.AmountCents, Actor = actor.Type, Reasons = reasons });
        var notes = $"Statement {line.Source} line {line.LineNumber} ({line.PostedOn:yyyy-MM-dd}, {line.ProviderTransactionId ?? "no transaction id"})";
        try
        {
            return await verifier.VerifyAsync(paymentId, new VerifyPaymentRequest(line.AmountCents, notes), caller, StatementMatch, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation("reconciliation_lines_payment_unique"))
        {
            return ApiProblems.Conflict(ReconciliationErrors.PaymentAlreadyMatched, "Another statement line already verified this payment.");
        }
    }
}
