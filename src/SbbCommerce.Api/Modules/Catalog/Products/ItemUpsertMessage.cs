using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Products;

/// <summary>The <c>item.upsert</c> payload sent to Epicor Propello's item master through the outbox.</summary>
internal sealed record ItemUpsertMessage(
    Guid ProductId,
    string? ErpItemId,
    string Sku,
    string Name,
    ProductType ProductType,
    ProductStatus Status,
    int PriceCents,
    int? CompareAtCents,
    int? CostCents,
    bool TrackInventory,
    int? WeightGrams,
    bool Deleted,
    DateTimeOffset UpdatedAt)
{
    public const string EventType = "item.upsert";

    public static ItemUpsertMessage Of(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new ItemUpsertMessage(
            product.Id, product.ErpItemId, product.Sku, product.Name, product.ProductType, product.Status, product.PriceCents,
            product.CompareAtCents, product.CostCents, product.TrackInventory, product.WeightGrams, product.DeletedAt is not null,
            product.UpdatedAt);
    }
}
