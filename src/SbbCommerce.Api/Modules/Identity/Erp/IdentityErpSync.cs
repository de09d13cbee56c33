using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Integration.Contracts;

namespace SbbCommerce.Api.Modules.Identity.Erp;

/// <summary>Customers and the ERP: the customer id Propello gives back, and a re-sync on an admin's request.</summary>
internal sealed class IdentityErpSync(SbbDbContext db, IOutboxWriter outbox)
    : ErpRecordSync([new(ErpEventTypes.CustomerUpsert, "users", "erp_customer_id", "customerId")], ["customer", "user"])
{
    public override Task<bool> ResyncAsync(string entityType, Guid entityId, CancellationToken cancellationToken) =>
        RequeueAsync(db.Set<User>().SingleOrDefaultAsync(u => u.Id == entityId, cancellationToken), async user =>
        {
            var profile = await db.Set<UserProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == entityId, cancellationToken);
            user.ErpSyncedAt = null;
            CustomerUpsert.Enqueue(outbox, user, profile);
        });
}
