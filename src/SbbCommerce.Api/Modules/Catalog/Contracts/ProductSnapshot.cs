namespace SbbCommerce.Api.Modules.Catalog.Contracts;

/// <summary>What other modules need to know of a product to sell it (cart lines, checkout, order snapshots).</summary>
/// <param name="Id">The product.</param>
/// <param name="Sku">Stock keeping unit.</param>
/// <param name="Name">Display name.</param>
/// <param name="Slug">URL slug of its page.</param>
/// <param name="ProductType">peptide, kit, accessory or bundle.</param>
/// <param name="Status">draft, active, discontinued or out_of_stock.</param>
/// <param name="IsDeleted">Soft-deleted by an admin.</param>
/// <param name="PriceCents">Current unit price, in cents.</param>
/// <param name="CompareAtCents">Former price shown struck through, if any.</param>
/// <param name="TrackInventory">Whether stock limits sales.</param>
/// <param name="QuantityAvailable">On hand - reserved (never negative); null when inventory is not tracked.</param>
/// <param name="WeightGrams">Shipping weight.</param>
/// <param name="RequiresAgeVerification">The buyer must be age-verified.</param>
/// <param name="RequiresKyc">The buyer's KYC must be approved.</param>
/// <param name="RestrictedStates">US state codes it may not ship to.</param>
/// <param name="RestrictedCountries">ISO 3166-1 alpha-2 countries it may not ship to.</param>
/// <param name="CurrentBatchNumber">Batch currently sold (newest verified, active, unexpired).</param>
public sealed record ProductSnapshot(
    Guid Id,
    string Sku,
    string Name,
    string Slug,
    ProductType ProductType,
    ProductStatus Status,
    bool IsDeleted,
    int PriceCents,
    int? CompareAtCents,
    bool TrackInventory,
    int? QuantityAvailable,
    int? WeightGrams,
    bool RequiresAgeVerification,
    bool RequiresKyc,
    IReadOnlyList<string> RestrictedStates,
    IReadOnlyList<string> RestrictedCountries,
    string? CurrentBatchNumber)
{
    /// <summary>Active and not deleted: it may be put in a cart and ordered.</summary>
    public bool IsPurchasable => Status == ProductStatus.Active && !IsDeleted;
}
