using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Products;

/// <summary>A product as admins see it: every column, drafts and deleted ones included.</summary>
/// <param name="Id">Product id.</param>
/// <param name="Sku">Stock keeping unit.</param>
/// <param name="Name">Display name.</param>
/// <param name="Slug">URL slug.</param>
/// <param name="ProductType">peptide, kit, accessory or bundle.</param>
/// <param name="Status">draft, active, discontinued or out_of_stock.</param>
/// <param name="PriceCents">Unit price in US cents.</param>
/// <param name="CompareAtCents">Former price in cents.</param>
/// <param name="CostCents">Cost of goods in cents.</param>
/// <param name="TrackInventory">Whether stock limits sales.</param>
/// <param name="QuantityOnHand">Units on the shelf.</param>
/// <param name="QuantityReserved">Units reserved by unpaid and unshipped orders.</param>
/// <param name="QuantityAvailable">On hand - reserved.</param>
/// <param name="LowStockThreshold">Low-stock alert level (null: never).</param>
/// <param name="WeightGrams">Shipping weight in grams.</param>
/// <param name="ShortDescription">Plain text.</param>
/// <param name="RequiresAgeVerification">The buyer must be age-verified.</param>
/// <param name="RequiresKyc">The buyer's KYC must be approved.</param>
/// <param name="RestrictedStates">US state codes it may not ship to.</param>
/// <param name="RestrictedCountries">ISO 3166-1 alpha-2 codes it may not ship to.</param>
/// <param name="CurrentBatchNumber">Batch currently sold (newest verified, active, unexpired).</param>
/// <param name="CurrentCoaUrl">COA of that batch.</param>
/// <param name="CategoryIds">Categories it is listed in.</param>
/// <param name="PrimaryCategoryId">Its primary category.</param>
/// <param name="ErpItemId">Epicor Propello item id, once synced.</param>
/// <param name="ErpSyncedAt">Last ERP sync.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Last change of its fields.</param>
/// <param name="PublishedAt">First publication.</param>
/// <param name="DeletedAt">Soft deletion, if deleted.</param>
/// <param name="Version">
/// The edit version (1 at creation, +1 on every admin write: update, publish, delete, inventory adjustment). Send it
/// back with an update: a changed version means another admin saved first (409). Stock reservations by customers
/// do not change it.
/// </param>
internal sealed record AdminProductResponse(
    Guid Id,
    string Sku,
    string Name,
    string Slug,
    ProductType ProductType,
    ProductStatus Status,
    int PriceCents,
    int? CompareAtCents,
    int? CostCents,
    bool TrackInventory,
    int QuantityOnHand,
    int QuantityReserved,
    int QuantityAvailable,
    int? LowStockThreshold,
    int? WeightGrams,
    string? ShortDescription,
    bool RequiresAgeVerification,
    bool RequiresKyc,
    IReadOnlyList<string> RestrictedStates,
    IReadOnlyList<string> RestrictedCountries,
    string? CurrentBatchNumber,
    string? CurrentCoaUrl,
    IReadOnlyList<Guid> CategoryIds,
    Guid? PrimaryCategoryId,
    string? ErpItemId,
    DateTimeOffset? ErpSyncedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? DeletedAt,
    int Version)
{
    public static AdminProductResponse From(Product product, IReadOnlyCollection<ProductCategoryAssignment> assignments)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(assignments);
        return new AdminProductResponse(
            product.Id, product.Sku, product.Name, product.Slug, product.ProductType, product.Status, product.PriceCents,
            product.CompareAtCents, product.CostCents, product.TrackInventory, product.QuantityOnHand, product.QuantityReserved,
            product.QuantityOnHand - product.QuantityReserved, product.LowStockThreshold, product.WeightGrams,
            product.ShortDescription, product.RequiresAgeVerification, product.RequiresKyc, product.RestrictedStates ?? [],
            product.RestrictedCountries ?? [], product.CurrentBatchNumber, product.CurrentCoaUrl,
            assignments.Select(a => a.CategoryId).Order().ToList(),
            assignments.FirstOrDefault(a => a.IsPrimary)?.CategoryId,
            product.ErpItemId, product.ErpSyncedAt, product.CreatedAt, product.UpdatedAt, product.PublishedAt, product.DeletedAt,
            product.EditVersion);
    }
}
