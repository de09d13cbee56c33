using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Products;

/// <summary>
/// Records an admin change of a product where it must be recorded: <c>audit_logs</c> and the ERP's
/// <c>item.upsert</c>, both added to the request's DbContext so they commit with the change or not at all.
/// </summary>
internal sealed class ProductChangeLog(IAuditWriter audit, IOutboxWriter outbox)
{
    public const string ResourceType = "product";

    public void Record(string action, Product product, ProductAuditValues? before, IReadOnlyCollection<ProductCategoryAssignment> assignments)
    {
        ArgumentNullException.ThrowIfNull(product);
        audit.Record(action, ResourceType, product.Id, before, ProductAuditValues.Of(product, assignments));
        outbox.Enqueue(OutboxDestinations.EpicorPropello, ItemUpsertMessage.EventType, ItemUpsertMessage.Of(product), ResourceType, product.Id);
    }
}
