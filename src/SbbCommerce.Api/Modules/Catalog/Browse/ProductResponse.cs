using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.Api.Modules.Catalog.Browse;

/// <summary>A product as the storefront shows it (list item and product page).</summary>
/// <param name="Id">Product id.</param>
/// <param name="Sku">Stock keeping unit.</param>
/// <param name="Name">Display name.</param>
/// <param name="Slug">URL slug: <c>GET /api/v1/products/{slug}</c>.</param>
/// <param name="ProductType">peptide, kit, accessory or bundle.</param>
/// <param name="ShortDescription">Short description (plain text).</param>
/// <param name="PriceCents">Unit price in US cents.</param>
/// <param name="CompareAtCents">Former price in US cents, shown struck through; null when not on sale.</param>
/// <param name="WeightGrams">Shipping weight in grams.</param>
/// <param name="Availability">Stock as the storefront may show it.</param>
/// <param name="Compliance">Who may buy it and where it may ship.</param>
/// <param name="CurrentBatch">The batch currently sold, with its certificate of analysis; null when none is verified.</param>
/// <param name="Categories">Categories it is listed in, the primary first.</param>
/// <param name="PublishedAt">When it was first published.</param>
internal sealed record ProductResponse(
    Guid Id,
    string Sku,
    string Name,
    string Slug,
    ProductType ProductType,
    string? ShortDescription,
    int PriceCents,
    int? CompareAtCents,
    int? WeightGrams,
    ProductAvailability Availability,
    ProductCompliance Compliance,
    CurrentBatchResponse? CurrentBatch,
    IReadOnlyList<ProductCategoryRef> Categories,
    DateTimeOffset? PublishedAt);

/// <summary>Stock of a product.</summary>
/// <param name="TrackInventory">False when stock does not limit sales (always in stock).</param>
/// <param name="InStock">At least one unit can be ordered.</param>
/// <param name="QuantityAvailable">On hand - reserved (never negative); null when inventory is not tracked.</param>
internal sealed record ProductAvailability(bool TrackInventory, bool InStock, int? QuantityAvailable);

/// <summary>Compliance flags of a product.</summary>
/// <param name="RequiresAgeVerification">The buyer must be age-verified (21+ by default).</param>
/// <param name="RequiresKyc">The buyer's identity (KYC) must be approved.</param>
/// <param name="RestrictedStates">US state codes it does not ship to.</param>
/// <param name="RestrictedCountries">ISO 3166-1 alpha-2 country codes it does not ship to.</param>
internal sealed record ProductCompliance(
    bool RequiresAgeVerification, bool RequiresKyc, IReadOnlyList<string> RestrictedStates, IReadOnlyList<string> RestrictedCountries);

/// <summary>The batch a product is currently sold from.</summary>
/// <param name="BatchNumber">Batch (lot) number printed on the vial.</param>
/// <param name="CoaUrl">URL of the batch's certificate of analysis.</param>
/// <param name="ManufacturedAt">Manufacture date.</param>
/// <param name="ExpiresAt">Expiry date.</param>
internal sealed record CurrentBatchResponse(string BatchNumber, string CoaUrl, DateOnly ManufacturedAt, DateOnly ExpiresAt);

/// <summary>A category a product is listed in.</summary>
/// <param name="Id">Category id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Slug">Slug, usable as <c>?category=</c>.</param>
/// <param name="IsPrimary">The product's primary category.</param>
internal sealed record ProductCategoryRef(Guid Id, string Name, string Slug, bool IsPrimary);
