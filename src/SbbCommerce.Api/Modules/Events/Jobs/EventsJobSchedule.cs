using Hangfire;
using SbbCommerce.Api.Common.Jobs;
using SbbCommerce.Api.Modules.Events.Retention;

namespace SbbCommerce.Api.Modules.Events.Jobs;

/// <summary>The Events module's recurring jobs.</summary>
internal sealed class EventsJobSchedule : IRecurringJobSchedule
{
    public void Register(IRecurringJobManager manager, RecurringJobOptions utc) =>
        manager.AddOrUpdate<EventRetentionJob>(RecurringJobIds.EventsRetention,
            job => job.RunAsync(CancellationToken.None), Cron.Daily(4), utc);
}
