using Hangfire;
using SbbCommerce.Api.Common.Jobs;

namespace SbbCommerce.Api.Modules.Catalog.Jobs;

/// <summary>The Catalog module's recurring jobs.</summary>
internal sealed class CatalogJobSchedule : IRecurringJobSchedule
{
    /// <summary>Batches expire at the start of their expiry day (UTC): refresh just after midnight UTC.</summary>
    public void Register(IRecurringJobManager manager, RecurringJobOptions utc) =>
        manager.AddOrUpdate<CurrentBatchRefreshJob>(RecurringJobIds.CatalogCurrentBatchRefresh,
            job => job.RunAsync(CancellationToken.None), Cron.Daily(0, 5), utc);
}
