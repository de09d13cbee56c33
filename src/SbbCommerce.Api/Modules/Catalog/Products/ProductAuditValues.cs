using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Products;

/// <summary>What <c>audit_logs</c> keeps of a product before and after an admin change.</summary>
internal sealed record ProductAuditValues(
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
    int? LowStockThreshold,
    int? WeightGrams,
    string? ShortDescription,
    bool RequiresAgeVerification,
    bool RequiresKyc,
    IReadOnlyList<string> RestrictedStates,
    IReadOnlyList<string> RestrictedCountries,
    IReadOnlyList<Guid> CategoryIds,
    Guid? PrimaryCategoryId,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? DeletedAt)
{
    public static ProductAuditValues Of(Product product, IReadOnlyCollection<ProductCategoryAssignment> assignments)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(assignments);
        return new ProductAuditValues(
            product.Sku, product.Name, product.Slug, product.ProductType, product.Status, product.PriceCents,
            product.CompareAtCents, product.CostCents, product.TrackInventory, product.QuantityOnHand, product.LowStockThreshold,
            product.WeightGrams, product.ShortDescription, product.RequiresAgeVerification, product.RequiresKyc,
            product.RestrictedStates ?? [], product.RestrictedCountries ?? [],
            assignments.Select(a => a.CategoryId).Order().ToList(), assignments.FirstOrDefault(a => a.IsPrimary)?.CategoryId,
            product.PublishedAt, product.DeletedAt);
    }
}
