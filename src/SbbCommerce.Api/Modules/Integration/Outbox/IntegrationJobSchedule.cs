using Hangfire;
using SbbCommerce.Api.Common.Jobs;

namespace SbbCommerce.Api.Modules.Integration.Outbox;

/// <summary>The Integration module's recurring jobs.</summary>
internal sealed class IntegrationJobSchedule : IRecurringJobSchedule
{
    public void Register(IRecurringJobManager manager, RecurringJobOptions utc) =>
        manager.AddOrUpdate<OutboxDrainJob>(RecurringJobIds.OutboxDrain, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), utc);
}
