using Hangfire;
using SbbCommerce.Api.Common.Jobs;

namespace SbbCommerce.Api.Modules.Cart.Jobs;

/// <summary>The Cart module's recurring jobs.</summary>
internal sealed class CartJobSchedule : IRecurringJobSchedule
{
    public void Register(IRecurringJobManager manager, RecurringJobOptions utc) =>
        manager.AddOrUpdate<CartAbandonmentJob>(RecurringJobIds.CartAbandonment,
            job => job.RunAsync(CancellationToken.None), "*/15 * * * *", utc);
}
