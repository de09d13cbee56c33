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

    /// <summary>The as-of time of the ERP count applied last (an older count arriving late is not applied).</summary>
    public DateTimeOffset? InventoryCountedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>
    /// <c>edit_version</c>: the concurrency token of admin edits, incremented by every admin write of the row. Stock
    /// changes (reservations, releases, commits) leave it alone, so they never make an admin's save fail.
    /// </summary>
    public int EditVersion { get; set; } = 1;
}
