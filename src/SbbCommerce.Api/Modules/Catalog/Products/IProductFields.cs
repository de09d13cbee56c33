using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.Api.Modules.Catalog.Products;

/// <summary>The editable fields shared by the create and update requests (one validator checks them).</summary>
internal interface IProductFields
{
    string Sku { get; }
    string Name { get; }
    string Slug { get; }
    ProductType? ProductType { get; }
    int PriceCents { get; }
    int? CompareAtCents { get; }
    int? CostCents { get; }
    bool TrackInventory { get; }
    int? LowStockThreshold { get; }
    int? WeightGrams { get; }
    string? ShortDescription { get; }
    bool RequiresAgeVerification { get; }
    bool RequiresKyc { get; }
    IReadOnlyList<string>? RestrictedStates { get; }
    IReadOnlyList<string>? RestrictedCountries { get; }
    IReadOnlyList<Guid>? CategoryIds { get; }
    Guid? PrimaryCategoryId { get; }
}
