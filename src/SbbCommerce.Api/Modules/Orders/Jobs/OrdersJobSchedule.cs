using Hangfire;
using SbbCommerce.Api.Common.Jobs;

namespace SbbCommerce.Api.Modules.Orders.Jobs;

/// <summary>The Orders module's recurring jobs.</summary>
internal sealed class OrdersJobSchedule : IRecurringJobSchedule
{
    public void Register(IRecurringJobManager manager, RecurringJobOptions utc) =>
        manager.AddOrUpdate<CancelUnpaidOrdersJob>(RecurringJobIds.CancelUnpaidOrders,
            job => job.RunAsync(CancellationToken.None), "*/10 * * * *", utc);
}
