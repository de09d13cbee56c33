using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Ledger;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Matching;

/// <summary>How many lines one matching run left in each state.</summary>
internal sealed record MatchCounts(int Matched, int Suggested, int Unmatched, int Skipped);

/// <summary>
/// Runs matching over lines, each in its own transaction with the line locked (FOR UPDATE SKIP LOCKED: a line another
/// host is matching is skipped, never matched twice). Re-runnable: only unmatched and suggested incoming lines are
/// looked at, and a line booked or dismissed is never touched again.
/// </summary>
internal sealed class ReconciliationMatcher(SbbDbContext db, LineEvaluator evaluator, LineBooking booking, TimeProvider timeProvider,
    ILogger<ReconciliationMatcher> logger)
{
    private const int BatchSize = 200;

    /// <summary>Every open incoming line, in id order, in bounded batches.</summary>
    public async Task<MatchCounts> MatchOpenAsync(CancellationToken cancellationToken)
    {
        var total = new MatchCounts(0, 0, 0, 0);
        var after = Guid.Empty;
        while (true)
        {
            var ids = await db.Set<ReconciliationLine>().AsNoTracking()
                .Where(l => (l.Status == LineStatus.Unmatched || l.Status == LineStatus.Suggested) && l.Direction == LineDirection.Incoming
                    && l.Id.CompareTo(after) > 0)
                .OrderBy(l => l.Id).Select(l => l.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            var counts = await MatchAsync(ids, cancellationToken);
            total = new MatchCounts(total.Matched + counts.Matched, total.Suggested + counts.Suggested, total.Unmatched + counts.Unmatched,
                total.Skipped + counts.Skipped);
            after = ids[^1];
        }

        ReconciliationLog.MatchRun(logger, total.Matched, total.Suggested, total.Unmatched, total.Skipped);
        return total;
    }

    public async Task<MatchCounts> MatchAsync(IReadOnlyList<Guid> lineIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lineIds);
        int matched = 0, suggested = 0, unmatched = 0, skipped = 0;
        foreach (var id in lineIds)
        {
            switch (await MatchLineAsync(id, cancellationToken))
            {
                case LineStatus.Matched: matched++; break;
                case LineStatus.Suggested: suggested++; break;
                case LineStatus.Unmatched: unmatched++; break;
                default: skipped++; break;
            }
        }

        return new MatchCounts(matched, suggested, unmatched, skipped);
    }

    /// <summary>The line's status after matching, or null when it was not open (or another run holds it).</summary>
    public async Task<string?> MatchLineAsync(Guid lineId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var line = await LockOpenAsync(lineId, cancellationToken);
        if (line is null)
        {
            return null;
        }

        var evaluation = await evaluator.EvaluateAsync(line, cancellationToken);
        var refusal = (string?)null;
        if (evaluation is { AutomaticPaymentId: { } paymentId, Best: { } best })
        {
            await transaction.CreateSavepointAsync("booking", cancellationToken);
            var problem = await booking.BookAsync(line, paymentId, PaymentCaller.System, best.Score, best.Reasons, cancellationToken);
            if (problem is null)
            {
                await transaction.CommitAsync(cancellationToken);
                ReconciliationLog.LineMatched(logger, line.Id, paymentId);
                return LineStatus.Matched;
            }

            // Refused (the order was cancelled, another line won the payment...): the line waits for a person with the reason.
            await transaction.RollbackToSavepointAsync("booking", cancellationToken);
            db.ChangeTracker.Clear();
            line = (await LockOpenAsync(lineId, cancellationToken))!;
            refusal = $"{MatchReasons.AutomaticMatchRefused}:{problem.ProblemDetails.Extensions["code"]}";
        }

        var candidates = evaluation.Candidates;
        if (refusal is not null && candidates.Count > 0)
        {
            candidates = [candidates[0] with { Score = Math.Min(candidates[0].Score, 60), Reasons = [.. candidates[0].Reasons, refusal] },
                .. candidates.Skip(1)];
        }

        line.Status = candidates.Count > 0 ? LineStatus.Suggested : LineStatus.Unmatched;
        line.Score = candidates.Count > 0 ? candidates[0].Score : null;
        line.Reasons = candidates.Count > 0 ? JsonDefaults.Serialize(candidates[0].Reasons) : null;
        line.Candidates = candidates.Count > 0 ? JsonDefaults.Serialize(candidates) : null;
        line.UpdatedAt = timeProvider.GetDatabaseNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return line.Status;
    }

    private Task<ReconciliationLine?> LockOpenAsync(Guid lineId, CancellationToken cancellationToken) =>
        db.Set<ReconciliationLine>().FromSqlInterpolated($"""
                SELECT *, xmin FROM reconciliation_lines
                 WHERE id = {lineId} AND status IN ('unmatched', 'suggested') AND direction = 'incoming'
                   FOR UPDATE SKIP LOCKED
                """).SingleOrDefaultAsync(cancellationToken);
}
