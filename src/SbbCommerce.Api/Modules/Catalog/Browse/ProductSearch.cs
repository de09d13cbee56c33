using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Browse;

/// <summary>The <c>?q=</c> text search of the product lists (storefront and admin alike).</summary>
internal static class ProductSearch
{
    /// <summary>Products whose name or sku contains the text, case-insensitively; all of them for blank text.</summary>
    public static IQueryable<Product> WhereNameOrSkuContains(this IQueryable<Product> products, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return products;
        }

        var pattern = LikePatterns.Substring(text.Trim());
        return products.Where(p => EF.Functions.ILike(p.Name, pattern, LikePatterns.EscapeCharacter)
            || EF.Functions.ILike(p.Sku, pattern, LikePatterns.EscapeCharacter));
    }
}
