using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.Api.Modules.Catalog.Products;

/// <summary>
/// The product's editable fields, all replaced (stock and status are not: use inventory adjustments and publish).
/// </summary>
/// <param name="Sku">Unique; upper-case letters and digits joined by '-', '_' or '.'; at most 50.</param>
/// <param name="Name">Display name, at most 255.</param>
/// <param name="Slug">Unique URL slug: lower-case letters and digits joined by '-'; at most 255.</param>
/// <param name="ProductType">peptide (default), kit, accessory or bundle.</param>
/// <param name="PriceCents">Unit price in US cents, greater than 0.</param>
/// <param name="CompareAtCents">Former price in cents shown struck through; at least the price.</param>
/// <param name="CostCents">Cost of goods in cents, at least 0.</param>
/// <param name="TrackInventory">Whether stock limits sales (default true).</param>
/// <param name="LowStockThreshold">Listed as low stock at or below this many available units (null: never).</param>
/// <param name="WeightGrams">Shipping weight in grams.</param>
/// <param name="ShortDescription">Plain text, at most 2000.</param>
/// <param name="RequiresAgeVerification">The buyer must be age-verified (default true).</param>
/// <param name="RequiresKyc">The buyer's KYC must be approved (default false).</param>
/// <param name="RestrictedStates">US state codes it may not ship to (e.g. NY).</param>
/// <param name="RestrictedCountries">ISO 3166-1 alpha-2 codes it may not ship to; null: the default CA, AU, GB ("UK" is read as GB).</param>
/// <param name="CategoryIds">Categories to list it in (at most 20); null keeps the current ones, [] removes all.</param>
/// <param name="PrimaryCategoryId">Its primary category, one of categoryIds.</param>
/// <param name="Version">
/// The <c>version</c> of the product as read. If another admin write has changed it since, the update is refused
/// with 409 <c>concurrency_conflict</c>: reload and apply the change again. (Customers' stock reservations do not
/// change it.)
/// </param>
internal sealed record UpdateProductRequest(
    string Sku,
    string Name,
    string Slug,
    ProductType? ProductType,
    int PriceCents,
    int? CompareAtCents,
    int? CostCents,
    int? Version,
    bool TrackInventory = true,
    int? LowStockThreshold = 10,
    int? WeightGrams = null,
    string? ShortDescription = null,
    bool RequiresAgeVerification = true,
    bool RequiresKyc = false,
    IReadOnlyList<string>? RestrictedStates = null,
    IReadOnlyList<string>? RestrictedCountries = null,
    IReadOnlyList<Guid>? CategoryIds = null,
    Guid? PrimaryCategoryId = null) : IProductFields;

internal sealed class UpdateProductRequestValidator : ProductFieldsValidator<UpdateProductRequest>
{
    public UpdateProductRequestValidator() => RuleFor(request => request.Version).NotNull()
        .WithMessage("Version is required: send the version of the product as you read it.");
}
