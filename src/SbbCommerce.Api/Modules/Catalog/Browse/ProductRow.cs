using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Browse;

/// <summary>What the public reads and <see cref="IProductCatalog"/> load of a product, current batch included.</summary>
internal sealed record ProductRow(
    Guid Id,
    string Sku,
    string Name,
    string Slug,
    ProductType ProductType,
    ProductStatus Status,
    DateTimeOffset? DeletedAt,
    string? ShortDescription,
    int PriceCents,
    int? CompareAtCents,
    int? WeightGrams,
    bool TrackInventory,
    int QuantityOnHand,
    int QuantityReserved,
    bool RequiresAgeVerification,
    bool RequiresKyc,
    string[]? RestrictedStates,
    string[]? RestrictedCountries,
    DateTimeOffset? PublishedAt,
    BatchRow? CurrentBatch)
{
    /// <summary>On hand - reserved, never negative; null when inventory is not tracked.</summary>
    public int? QuantityAvailable => TrackInventory ? Math.Max(0, QuantityOnHand - QuantityReserved) : null;

    /// <summary>One query: the product columns and, per product, its current batch (see <c>CurrentBatch</c>).</summary>
    public static IQueryable<ProductRow> Project(SbbDbContext db, IQueryable<Product> products, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(db);
        var batches = db.Set<ProductBatch>();
        return products.Select(p => new ProductRow(
            p.Id, p.Sku, p.Name, p.Slug, p.ProductType, p.Status, p.DeletedAt, p.ShortDescription, p.PriceCents,
            p.CompareAtCents, p.WeightGrams, p.TrackInventory, p.QuantityOnHand, p.QuantityReserved,
            p.RequiresAgeVerification, p.RequiresKyc, p.RestrictedStates, p.RestrictedCountries, p.PublishedAt,
            // The rule of CurrentBatch.Candidates, inlined: EF cannot translate a call to it inside a projection.
            batches.Where(b => b.ProductId == p.Id && b.CoaVerified && b.IsActive && b.ExpiresAt > today)
                .OrderByDescending(b => b.ManufacturedAt)
                .ThenByDescending(b => b.CreatedAt)
                .Select(b => new BatchRow(b.BatchNumber, b.CoaFileUrl, b.ManufacturedAt, b.ExpiresAt))
                .FirstOrDefault()));
    }

    public ProductResponse ToResponse(IReadOnlyList<ProductCategoryRef> categories) => new(
        Id, Sku, Name, Slug, ProductType, ShortDescription, PriceCents, CompareAtCents, WeightGrams,
        new ProductAvailability(TrackInventory, !TrackInventory || QuantityAvailable > 0, QuantityAvailable),
        new ProductCompliance(RequiresAgeVerification, RequiresKyc, RestrictedStates ?? [], RestrictedCountries ?? []),
        CurrentBatch is null
            ? null
            : new CurrentBatchResponse(CurrentBatch.BatchNumber, CurrentBatch.CoaUrl, CurrentBatch.ManufacturedAt, CurrentBatch.ExpiresAt),
        categories,
        PublishedAt);

    public ProductSnapshot ToSnapshot() => new(
        Id, Sku, Name, Slug, ProductType, Status, DeletedAt is not null, PriceCents, CompareAtCents, TrackInventory,
        QuantityAvailable, WeightGrams, RequiresAgeVerification, RequiresKyc, RestrictedStates ?? [], RestrictedCountries ?? [],
        CurrentBatch?.BatchNumber);
}

/// <summary>The current batch columns a product read needs.</summary>
internal sealed record BatchRow(string BatchNumber, string CoaUrl, DateOnly ManufacturedAt, DateOnly ExpiresAt);
