namespace SbbCommerce.Api.Modules.Catalog.Caching;

/// <summary>What a cached public read depends on: an admin change evicts every entry of its tag.</summary>
internal static class CatalogCacheTags
{
    /// <summary>Product lists and product pages (price, stock, compliance, current batch).</summary>
    public const string Products = "catalog:products";

    /// <summary>The category tree (product pages show their categories and lists filter by them: evict both).</summary>
    public const string Categories = "catalog:categories";
}
