using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.Api.Modules.Catalog.Products;

/// <summary>A new product; it starts as a draft (publish it to sell it).</summary>
/// <param name="Sku">Unique; upper-case letters and digits joined by '-', '_' or '.'; at most 50.</param>
/// <param name="Name">Display name, at most 255.</param>
/// <param name="Slug">Unique URL slug: lower-case letters and digits joined by '-'; at most 255.</param>
/// <param name="ProductType">peptide (default), kit, accessory or bundle.</param>
/// <param name="PriceCents">Unit price in US cents, greater than 0.</param>
/// <param name="CompareAtCents">Former price in cents shown struck through; at least the price.</param>
/// <param name="CostCents">Cost of goods in cents, at least 0.</param>
/// <param name="TrackInventory">Whether stock limits sales (default true).</param>
/// <param name="QuantityOnHand">Initial stock on hand (default 0); later changes go through inventory adjustments.</param>
/// <param name="LowStockThreshold">Listed as low stock at or below this many available units (default 10; null: never).</param>
/// <param name="WeightGrams">Shipping weight in grams.</param>
/// <param name="ShortDescription">Plain text, at most 2000.</param>
/// <param name="RequiresAgeVerification">The buyer must be age-verified (default true).</param>
/// <param name="RequiresKyc">The buyer's KYC must be approved (default false).</param>
/// <param name="RestrictedStates">US state codes it may not ship to (e.g. NY).</param>
/// <param name="RestrictedCountries">ISO 3166-1 alpha-2 codes it may not ship to; null: the default CA, AU, GB ("UK" is read as GB).</param>
/// <param name="CategoryIds">Categories to list it in (at most 20).</param>
/// <param name="PrimaryCategoryId">Its primary category, one of categoryIds.</param>
internal sealed record CreateProductRequest(
    string Sku,
    string Name,
    string Slug,
    ProductType? ProductType,
    int PriceCents,
    int? CompareAtCents,
    int? CostCents,
    bool TrackInventory = true,
    int QuantityOnHand = 0,
    int? LowStockThreshold = 10,
    int? WeightGrams = null,
    string? ShortDescription = null,
    bool RequiresAgeVerification = true,
    bool RequiresKyc = false,
    IReadOnlyList<string>? RestrictedStates = null,
    IReadOnlyList<string>? RestrictedCountries = null,
    IReadOnlyList<Guid>? CategoryIds = null,
    Guid? PrimaryCategoryId = null) : IProductFields;

internal sealed class CreateProductRequestValidator : ProductFieldsValidator<CreateProductRequest>
{
    public CreateProductRequestValidator() => RuleFor(request => request.QuantityOnHand).InclusiveBetween(0, 10_000_000);
}
