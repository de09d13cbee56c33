using Hangfire;
using SbbCommerce.Api.Common.Jobs;

namespace SbbCommerce.Api.Modules.Payments.Jobs;

/// <summary>The Payments module's recurring jobs.</summary>
internal sealed class PaymentsJobSchedule : IRecurringJobSchedule
{
    public void Register(IRecurringJobManager manager, RecurringJobOptions utc)
    {
        manager.AddOrUpdate<ExpirePaymentsJob>(RecurringJobIds.PaymentExpiry, job => job.RunAsync(CancellationToken.None), "*/5 * * * *", utc);
        manager.AddOrUpdate<OrphanProofCleanupJob>(RecurringJobIds.OrphanProofCleanup, job => job.RunAsync(CancellationToken.None), "17 * * * *", utc);
    }
}
