using SbbCommerce.Api.Modules.Catalog.Data;
using SbbCommerce.Api.Modules.Integration.Contracts;

namespace SbbCommerce.Api.Modules.Catalog.Products;

/// <summary>The <c>item.upsert</c> message sent to Epicor Propello's item master through the outbox.</summary>
internal static class ItemUpsertMessage
{
    public const string EventType = ErpEventTypes.ItemUpsert;

    public static ErpItemUpsert Of(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new ErpItemUpsert(
            product.Id, product.ErpItemId, product.Sku, product.Name, SnakeCaseEnum.Label(product.ProductType), SnakeCaseEnum.Label(product.Status),
            product.PriceCents, product.CompareAtCents, product.CostCents, product.TrackInventory, product.WeightGrams, product.DeletedAt is not null,
            product.UpdatedAt);
    }
}
