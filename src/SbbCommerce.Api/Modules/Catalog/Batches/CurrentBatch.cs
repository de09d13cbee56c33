using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Batches;

/// <summary>
/// The batch a product is sold from: its newest (by manufacture date) batch whose COA is verified, that is active
/// and not expired. Public reads compute it live, so a batch that expires overnight disappears from the
/// storefront at once; <c>products.current_batch_number</c> and <c>current_coa_url</c> (read by the ERP, reports and
/// checkout, which copies the batch number into order lines) are refreshed with <see cref="RefreshAsync"/> whenever a
/// batch of the product changes, and every day by <see cref="Jobs.CurrentBatchRefreshJob"/> for batches that expired.
/// </summary>
internal static class CurrentBatch
{
    public static DateOnly Today(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
    }

    /// <summary>
    /// The current batch of each product, newest first (take the first per product). The id breaks ties (ids are
    /// UUIDv7: the later recorded batch wins), so every reader picks the same one; the SQL of
    /// <see cref="Jobs.CurrentBatchRefreshJob"/> orders the same way.
    /// </summary>
    public static IQueryable<ProductBatch> Candidates(IQueryable<ProductBatch> batches, DateOnly today) =>
        batches.Where(b => b.CoaVerified && b.IsActive && b.RecalledAt == null && b.ExpiresAt > today)
            .OrderByDescending(b => b.ManufacturedAt)
            .ThenByDescending(b => b.CreatedAt)
            .ThenByDescending(b => b.Id);

    /// <summary>Writes the product's current batch number and COA url (in the context's current transaction).</summary>
    public static async Task RefreshAsync(SbbDbContext db, Guid productId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var current = await Candidates(db.Set<ProductBatch>().AsNoTracking().Where(b => b.ProductId == productId), today)
            .Select(b => new { b.BatchNumber, b.CoaFileUrl })
            .FirstOrDefaultAsync(cancellationToken);

        // A set-based update of derived columns: it does not conflict with concurrent stock changes of the row, and it
        // is no admin edit of the product (edit_version stays).
        await db.Set<Product>()
            .Where(p => p.Id == productId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(p => p.CurrentBatchNumber, current == null ? null : current.BatchNumber)
                .SetProperty(p => p.CurrentCoaUrl, current == null ? null : current.CoaFileUrl),
                cancellationToken);
    }
}
