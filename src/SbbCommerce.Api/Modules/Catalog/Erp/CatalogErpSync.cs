using SbbCommerce.Api.Modules.Catalog.Data;
using SbbCommerce.Api.Modules.Catalog.Products;
using SbbCommerce.Api.Modules.Integration.Contracts;

namespace SbbCommerce.Api.Modules.Catalog.Erp;

/// <summary>
/// Items and the ERP: the item id Propello gives back, and a re-sync on an admin's request. Only the ERP columns are
/// written back: the product's edit_version and updated_at stay as the admin left them.
/// </summary>
internal sealed class CatalogErpSync(SbbDbContext db, IOutboxWriter outbox)
    : ErpRecordSync([new(ErpEventTypes.ItemUpsert, "products", "erp_item_id", "productId")], ["item", "product"])
{
    public override Task<bool> ResyncAsync(string entityType, Guid entityId, CancellationToken cancellationToken) =>
        RequeueAsync(db.Set<Product>().SingleOrDefaultAsync(p => p.Id == entityId, cancellationToken), product =>
        {
            product.ErpSyncedAt = null;
            outbox.Enqueue(OutboxDestinations.EpicorPropello, ItemUpsertMessage.EventType, ItemUpsertMessage.Of(product), ProductChangeLog.ResourceType,
                product.Id);
            return Task.CompletedTask;
        });
}
