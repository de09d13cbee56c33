using SbbCommerce.Api.Modules.Payments.Reconciliation.Matching;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Jobs;

/// <summary>
/// Re-runs matching over every open statement line (a payment opened or submitted after the import may now be the
/// one a line proves). Safe on several hosts at once: each line is matched under FOR UPDATE SKIP LOCKED.
/// </summary>
internal sealed class ReconciliationMatchJob(ReconciliationMatcher matcher)
{
    public Task<MatchCounts> RunAsync(CancellationToken cancellationToken) => matcher.MatchOpenAsync(cancellationToken);
}
