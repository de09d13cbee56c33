using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.Api.Modules.Catalog.Data;

/// <summary>A row of <c>products</c>.</summary>
internal sealed class Product
{
    public Guid Id { get; set; }
    public required string Sku { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public ProductType ProductType { get; set; } = ProductType.Peptide;
    public ProductStatus Status { get; set; } = ProductStatus.Draft;
    public int PriceCents { get; set; }
    public int? CompareAtCents { get; set; }
    public int? CostCents { get; set; }
    public bool TrackInventory { get; set; } = true;
    public int QuantityOnHand { get; set; }
    public int QuantityReserved { get; set; }
    public int? LowStockThreshold { get; set; } = 10;
    public int? WeightGrams { get; set; }
    public string? ShortDescription { get; set; }
    public bool RequiresAgeVerification { get; set; } = true;
    public bool RequiresKyc { get; set; }
    public string[]? RestrictedStates { get; set; }
    public string[]? RestrictedCountries { get; set; } = ["CA", "AU", "GB"];
    public string? CurrentBatchNumber { get; set; }
    public string? CurrentCoaUrl { get; set; }
    public string? ErpItemId { get; set; }
    public DateTimeOffset? ErpSyncedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>PostgreSQL xmin: a concurrent update of the same row fails instead of overwriting.</summary>
    public uint Version { get; set; }
}
