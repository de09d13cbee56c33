using SbbCommerce.Api.Modules.Catalog.Caching;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Batches;

internal sealed class BatchRegistry(SbbDbContext db, CatalogReadCache cache, TimeProvider timeProvider) : IBatchRegistry
{
    public async Task<BatchInfo?> FindAsync(Guid batchId, CancellationToken cancellationToken) =>
        (await FindManyAsync([batchId], cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<BatchInfo>> FindManyAsync(IReadOnlyCollection<Guid> batchIds, CancellationToken cancellationToken) =>
        await Query(db.Set<ProductBatch>().AsNoTracking().Where(b => batchIds.Contains(b.Id))).ToListAsync(cancellationToken);

    public async Task<BatchRecallResult> RecallAsync(Guid batchId, string reason, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetDatabaseNow();
        // One conditional UPDATE: of two admins recalling the same batch at once, exactly one records it.
        var recalled = await db.Set<ProductBatch>().Where(b => b.Id == batchId && b.RecalledAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.RecalledAt, now).SetProperty(b => b.RecallReason, reason), cancellationToken);
        var batch = await FindAsync(batchId, cancellationToken);
        if (batch is null)
        {
            return new BatchRecallResult(BatchRecallOutcome.NotFound, null);
        }

        if (recalled == 0)
        {
            return new BatchRecallResult(BatchRecallOutcome.AlreadyRecalled, batch);
        }

        await CurrentBatch.RefreshAsync(db, batch.ProductId, CurrentBatch.Today(timeProvider), cancellationToken);
        await CatalogReadCache.NotifyAsync(db, cancellationToken, CatalogCacheTags.Products); // in the caller's transaction, if any
        cache.Evict(CatalogCacheTags.Products);
        return new BatchRecallResult(BatchRecallOutcome.Recalled, batch);
    }

    private IQueryable<BatchInfo> Query(IQueryable<ProductBatch> batches) =>
        from b in batches
        join p in db.Set<Product>() on b.ProductId equals p.Id
        select new BatchInfo(b.Id, b.ProductId, p.Sku, p.Name, b.BatchNumber, b.CoaFileUrl, b.CoaVerified, b.ManufacturedAt, b.ExpiresAt,
            b.QuantityRemaining, b.RecalledAt, b.RecallReason);
}
