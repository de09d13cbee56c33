using Hangfire;

namespace SbbCommerce.Api.Common.Jobs;

/// <summary>The recurring schedule, registered in UTC. Jobs are thin: they call module code.</summary>
internal static class RecurringJobs
{
    public static void Register(IRecurringJobManager manager, IEnumerable<IRecurringJobSchedule> moduleSchedules)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(moduleSchedules);
        foreach (var retired in RecurringJobIds.Retired)
        {
            manager.RemoveIfExists(retired);
        }

        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        manager.AddOrUpdate<IdempotencyKeyCleanupJob>(RecurringJobIds.IdempotencyKeyCleanup,
            job => job.RunAsync(CancellationToken.None), Cron.Hourly(), utc);
        manager.AddOrUpdate<PartitionMaintenanceJob>(RecurringJobIds.PartitionMaintenance,
            job => job.RunAsync(CancellationToken.None), Cron.Daily(3), utc);
        foreach (var schedule in moduleSchedules)
        {
            schedule.Register(manager, utc);
        }
    }
}
