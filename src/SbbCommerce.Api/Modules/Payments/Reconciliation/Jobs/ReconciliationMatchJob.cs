using SbbCommerce.Api.Modules.Payments.Reconciliation.Matching;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Jobs;

/// <summary>
/// Re-runs matching over every open statement line (a payment opened or submitted after the import may now be the
/// one a line proves). Safe on several hosts at once: each line is matched under FOR UPDATE SKIP LOCKED.
/// </summary>
internal sealed class ReconciliationMatchJob(ReconciliationMatcher matcher, TimeProvider timeProvider, ILogger<ReconciliationMatchJob> logger)
{
    /// <summary>Matches what is open; the matcher logs the counts, the job how long the run took.</summary>
    public async Task<MatchCounts> RunAsync(CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var counts = await matcher.MatchOpenAsync(cancellationToken);
        var elapsed = timeProvider.GetElapsedTime(started);
        ReconciliationLog.MatchJobRun(logger, elapsed.TotalMilliseconds);
        return counts;
    }
}
