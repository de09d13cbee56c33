namespace SbbCommerce.Api.Modules.Catalog;

/// <summary>The Catalog codes of API.md (plus the few it leaves to us, noted).</summary>
internal static class CatalogErrors
{
    public const string ProductNotFound = "product_not_found";
    public const string SkuTaken = "sku_taken";
    public const string SlugTaken = "slug_taken";
    public const string InsufficientStock = "insufficient_stock";
    public const string CategoryCycle = "category_cycle";
    public const string CategoryNotFound = "category_not_found"; // not in API.md: unknown category (route or reference)
    public const string CategoryHasChildren = "category_has_children"; // not in API.md: delete the children first
    public const string BatchNotFound = "batch_not_found"; // not in API.md
    public const string BatchNumberTaken = "batch_number_taken"; // not in API.md: unique per product
}
