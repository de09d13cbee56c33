using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Data;
using BatchRule = SbbCommerce.Api.Modules.Catalog.Batches.CurrentBatch;

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

    /// <summary>
    /// The products of <paramref name="products"/> with their current batch: two indexed queries (products, then
    /// the candidate batches of those products only). One query with a per-product subquery would rank every
    /// batch of the table (EF renders it as ROW_NUMBER over all of them), however few products are read.
    /// </summary>
    public static async Task<List<ProductRow>> LoadAsync(
        SbbDbContext db, IQueryable<Product> products, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await products
            .Select(p => new ProductRow(
                p.Id, p.Sku, p.Name, p.Slug, p.ProductType, p.Status, p.DeletedAt, p.ShortDescription, p.PriceCents,
                p.CompareAtCents, p.WeightGrams, p.TrackInventory, p.QuantityOnHand, p.QuantityReserved,
                p.RequiresAgeVerification, p.RequiresKyc, p.RestrictedStates, p.RestrictedCountries, p.PublishedAt, null))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return rows;
        }

        var ids = rows.Select(row => row.Id).ToArray();
        var batches = await BatchRule.Candidates(db.Set<ProductBatch>().AsNoTracking().Where(b => ids.Contains(b.ProductId)), today)
            .Select(b => new { b.ProductId, Row = new BatchRow(b.BatchNumber, b.CoaFileUrl, b.ManufacturedAt, b.ExpiresAt) })
            .ToListAsync(cancellationToken);
        var current = batches.GroupBy(b => b.ProductId).ToDictionary(group => group.Key, group => group.First().Row);
        return rows.Select(row => row with { CurrentBatch = current.GetValueOrDefault(row.Id) }).ToList();
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
