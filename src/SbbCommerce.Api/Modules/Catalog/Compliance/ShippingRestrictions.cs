namespace SbbCommerce.Api.Modules.Catalog.Compliance;

/// <summary>How restricted state and country lists are stored: trimmed, upper case, sorted, without duplicates.</summary>
internal static class ShippingRestrictions
{
    /// <summary>The column default of <c>restricted_countries</c> (the design's <c>UK</c> written as <c>GB</c>).</summary>
    public static readonly IReadOnlyList<string> DefaultCountries = ["AU", "CA", "GB"];

    public static string NormalizeState(string? code) => (code ?? string.Empty).Trim().ToUpperInvariant();

    /// <summary>Upper case; <c>UK</c> becomes <c>GB</c>, the ISO code of the United Kingdom.</summary>
    public static string NormalizeCountry(string? code)
    {
        var upper = (code ?? string.Empty).Trim().ToUpperInvariant();
        return upper == "UK" ? "GB" : upper;
    }

    public static string[] States(IEnumerable<string>? codes) =>
        (codes ?? []).Select(NormalizeState).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Null means the default list; an empty list means no restriction.</summary>
    public static string[] Countries(IEnumerable<string>? codes) =>
        (codes ?? DefaultCountries).Select(NormalizeCountry).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
