using Hangfire;
using SbbCommerce.Api.Common.Jobs;

namespace SbbCommerce.Api.Modules.Integration.Outbox;

/// <summary>The Integration module's recurring jobs.</summary>
internal sealed class IntegrationJobSchedule : IRecurringJobSchedule
{
    public void Register(IRecurringJobManager manager, RecurringJobOptions utc)
    {
        ArgumentNullException.ThrowIfNull(manager);
        manager.AddOrUpdate<OutboxDrainJob>(RecurringJobIds.OutboxDrain, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), utc);
        manager.AddOrUpdate<Inbox.WebhookInboxJob>(RecurringJobIds.WebhookInbox, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), utc);
        manager.AddOrUpdate<Erp.ErpInventoryPullJob>(RecurringJobIds.ErpInventoryPull, job => job.RunAsync(CancellationToken.None), "*/15 * * * *", utc);
    }
}
