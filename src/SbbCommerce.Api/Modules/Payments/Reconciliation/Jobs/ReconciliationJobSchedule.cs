using Hangfire;
using SbbCommerce.Api.Common.Jobs;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Jobs;

/// <summary>Reconciliation's recurring job: open lines are matched again every 15 minutes.</summary>
internal sealed class ReconciliationJobSchedule : IRecurringJobSchedule
{
    public void Register(IRecurringJobManager manager, RecurringJobOptions utc) =>
        manager.AddOrUpdate<ReconciliationMatchJob>(RecurringJobIds.ReconciliationMatching, job => job.RunAsync(CancellationToken.None),
            "*/15 * * * *", utc);
}
