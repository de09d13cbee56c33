using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SbbCommerce.Api.Common.Outbox;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Modules.Catalog.Data;
using SbbCommerce.Api.Modules.Catalog.Products;
using SbbCommerce.Api.Modules.Integration.Contracts;

namespace SbbCommerce.Api.Modules.Catalog.Erp;

/// <summary>Items and the ERP: the item id Propello gives back, and a re-sync on an admin's request.</summary>
internal sealed class CatalogErpSync(SbbDbContext db, IOutboxWriter outbox) : IErpSyncWriteBack, IErpResync
{
    public IReadOnlyCollection<string> EventTypes { get; } = [ErpEventTypes.ItemUpsert];

    public IReadOnlyCollection<string> EntityTypes { get; } = ["item", "product"];

    // Only the ERP columns: the product's edit_version and updated_at stay as the admin left them.
    public IEnumerable<NpgsqlBatchCommand> WriteBack(string eventType, JsonElement payload, ErpAcknowledgement acknowledgement)
    {
        yield return ErpWriteBackSql.SetErpId("products", "erp_item_id", ErpWriteBackSql.GuidOf(payload, "productId"), acknowledgement);
    }

    public async Task<bool> ResyncAsync(string entityType, Guid entityId, CancellationToken cancellationToken)
    {
        var product = await db.Set<Product>().SingleOrDefaultAsync(p => p.Id == entityId, cancellationToken);
        if (product is null)
        {
            return false;
        }

        product.ErpSyncedAt = null;
        outbox.Enqueue(OutboxDestinations.EpicorPropello, ItemUpsertMessage.EventType, ItemUpsertMessage.Of(product), ProductChangeLog.ResourceType, product.Id);
        return true;
    }
}
