using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SbbCommerce.Api.Common.Outbox;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Integration.Contracts;

namespace SbbCommerce.Api.Modules.Identity.Erp;

/// <summary>Customers and the ERP: the customer id Propello gives back, and a re-sync on an admin's request.</summary>
internal sealed class IdentityErpSync(SbbDbContext db, IOutboxWriter outbox) : IErpSyncWriteBack, IErpResync
{
    public IReadOnlyCollection<string> EventTypes { get; } = [ErpEventTypes.CustomerUpsert];

    public IReadOnlyCollection<string> EntityTypes { get; } = ["customer", "user"];

    public IEnumerable<NpgsqlBatchCommand> WriteBack(string eventType, JsonElement payload, ErpAcknowledgement acknowledgement)
    {
        yield return ErpWriteBackSql.SetErpId("users", "erp_customer_id", ErpWriteBackSql.GuidOf(payload, "customerId"), acknowledgement);
    }

    public async Task<bool> ResyncAsync(string entityType, Guid entityId, CancellationToken cancellationToken)
    {
        var user = await db.Set<User>().SingleOrDefaultAsync(u => u.Id == entityId, cancellationToken);
        if (user is null)
        {
            return false;
        }

        var profile = await db.Set<UserProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == entityId, cancellationToken);
        user.ErpSyncedAt = null;
        CustomerUpsert.Enqueue(outbox, user, profile);
        return true;
    }
}
