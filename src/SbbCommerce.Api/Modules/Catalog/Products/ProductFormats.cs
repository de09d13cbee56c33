using System.Text.RegularExpressions;

namespace SbbCommerce.Api.Modules.Catalog.Products;

/// <summary>Formats of the identifiers an admin chooses.</summary>
internal static partial class ProductFormats
{
    /// <summary>Upper-case letters and digits in groups joined by <c>-</c>, <c>_</c> or <c>.</c> (<c>SBB-BPC157-5MG</c>).</summary>
    [GeneratedRegex("^[A-Z0-9]+(?:[-_.][A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    public static partial Regex Sku();

    /// <summary>Lower-case letters and digits in groups joined by <c>-</c> (<c>bpc-157-5mg</c>).</summary>
    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    public static partial Regex Slug();

    public static bool IsSku(string? value) => value is not null && Sku().IsMatch(value);

    public static bool IsSlug(string? value) => value is not null && Slug().IsMatch(value);
}
