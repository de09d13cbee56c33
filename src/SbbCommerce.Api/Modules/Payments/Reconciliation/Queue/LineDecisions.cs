using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Ledger;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Matching;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.BulkConfirmLines;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Queue;

/// <summary>
/// An admin's decisions on statement lines. Each runs in one transaction with the line locked: confirming books the
/// line through <see cref="LineBooking"/> (the payment verified through the normal flow), dismissing keeps it with the
/// reason; a bulk confirmation is all or nothing.
/// </summary>
internal sealed class LineDecisions(SbbDbContext db, LineBooking booking, IAuditWriter audit, TimeProvider timeProvider)
{
    /// <summary>Books every line for its payment as <paramref name="caller"/>: null when all are booked, else the first refusal (nothing booked).</summary>
    public async Task<ProblemHttpResult?> ConfirmAsync(IReadOnlyList<BulkConfirmItem> items, string? notes, PaymentCaller caller,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Every line, then every payment, each in id order, before any work: two bulk confirmations sharing lines or
        // payments lock them in the same order and never deadlock (matching skips locked lines, so it never waits on these).
        var lineIds = items.Select(i => i.LineId).Order().ToArray();
        var paymentIds = items.Select(i => i.PaymentId).Order().ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT 1 FROM reconciliation_lines WHERE id = ANY({lineIds}) ORDER BY id FOR UPDATE", cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM payments WHERE id = ANY({paymentIds}) ORDER BY id FOR UPDATE", cancellationToken);
        foreach (var item in items.OrderBy(i => i.LineId))
        {
            var line = await LockAsync(item.LineId, cancellationToken);
            if (line is null)
            {
                return LineNotFound(item.LineId);
            }

            var reasons = new List<string> { $"confirmed_by_admin{(notes is null ? string.Empty : ": " + notes)}" };
            if (await booking.BookAsync(line, item.PaymentId, caller, line.Score ?? 0, reasons, cancellationToken) is { } problem)
            {
                problem.ProblemDetails.Extensions["lineId"] = item.LineId;
                problem.ProblemDetails.Extensions["paymentId"] = item.PaymentId;
                return problem;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Dismisses the line: null when dismissed, else the refusal.</summary>
    public async Task<ProblemHttpResult?> DismissAsync(Guid lineId, string reason, Guid adminId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var line = await LockAsync(lineId, cancellationToken);
        if (line is null)
        {
            return LineNotFound(lineId);
        }

        if (line.Status == LineStatus.Matched)
        {
            return ApiProblems.Conflict(ReconciliationErrors.LineAlreadyMatched, "This statement line already verified a payment.",
                "A verified payment is undone by a refund, not by dismissing its proof.");
        }

        var before = new { line.Status, line.DecisionNote };
        var now = timeProvider.GetDatabaseNow();
        line.Status = LineStatus.Dismissed;
        line.DecisionNote = reason;
        line.DecidedBy = adminId;
        line.DecidedAt = now;
        line.UpdatedAt = now;
        audit.Record("reconciliation.line_dismissed", "reconciliation_line", line.Id, before, new { line.Status, Reason = reason });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    private Task<ReconciliationLine?> LockAsync(Guid lineId, CancellationToken cancellationToken) => db.LockAsync<ReconciliationLine>(lineId, cancellationToken);

    private static ProblemHttpResult LineNotFound(Guid lineId)
    {
        var problem = ApiProblems.NotFound(ReconciliationErrors.LineNotFound, "Statement line not found.");
        problem.ProblemDetails.Extensions["lineId"] = lineId;
        return problem;
    }
}
