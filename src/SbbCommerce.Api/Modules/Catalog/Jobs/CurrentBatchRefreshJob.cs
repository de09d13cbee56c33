using SbbCommerce.Api.Modules.Catalog.Batches;
using SbbCommerce.Api.Modules.Catalog.Caching;

namespace SbbCommerce.Api.Modules.Catalog.Jobs;

/// <summary>
/// Daily: sets <c>products.current_batch_number</c> and <c>current_coa_url</c> to the product's newest verified,
/// active, unexpired batch (both null when it has none), for the products where they are not that already: a batch
/// that expired overnight changes no row by itself, and checkout copies the column into order lines. Products
/// already right are not written (no new row version, no lock).
/// <para>
/// Raw SQL, because the scan compares every product with its current batch (a LATERAL join) and locks rows with
/// FOR UPDATE, neither of which LINQ writes. In bounded batches of at most <see cref="BatchSize"/> products, each its
/// own transaction, walked in product id order (keyset): first with <c>FOR UPDATE SKIP LOCKED</c>, so two hosts
/// running it at once split the work; then the products that pass skipped (locked by the other host or by a
/// checkout holding a hot product) are done one per transaction, waiting for their lock (at most
/// 30 seconds; a lock held longer fails the run, and Hangfire retries it). Each batch locks its rows
/// first and computes the current batch in the next statement, so it sees every change committed before it held
/// them: a concurrent COA verification is never overwritten with an older batch.
/// </para>
/// </summary>
internal sealed partial class CurrentBatchRefreshJob(
    SbbDbContext db, CatalogReadCache cache, TimeProvider timeProvider, ILogger<CurrentBatchRefreshJob> logger)
{
    public const int BatchSize = 500;

    // The current batch of p, ordered like CurrentBatch.Candidates.
    private const string CurrentOfProduct = """
        LEFT JOIN LATERAL (
              SELECT b.batch_number, b.coa_file_url
                FROM product_batches b
               WHERE b.product_id = p.id AND b.coa_verified AND b.is_active AND b.recalled_at IS NULL AND b.expires_at > @today
               ORDER BY b.manufactured_at DESC, b.created_at DESC, b.id DESC
               LIMIT 1) cur ON TRUE
        """;

    private const string Differs =
        "(p.current_batch_number IS DISTINCT FROM cur.batch_number OR p.current_coa_url IS DISTINCT FROM cur.coa_file_url)";

    private const string WrongProducts = $"""
        SELECT p.id AS "Value"
          FROM products p
        {CurrentOfProduct}
         WHERE p.id > @after AND {Differs}
         ORDER BY p.id
         LIMIT @limit
        """;

    private const string LockWrongProductsSkippingLocked = WrongProducts + " FOR UPDATE OF p SKIP LOCKED";
    private const string LockWrongProductsWaiting = WrongProducts + " FOR UPDATE OF p";
    private const string SetLockTimeout = "SET LOCAL lock_timeout = '30s'";

    private const string Refresh = $"""
        WITH target AS (
            SELECT p.id, cur.batch_number, cur.coa_file_url
              FROM products p
            {CurrentOfProduct}
             WHERE p.id = ANY(@ids) AND {Differs})
        UPDATE products p
           SET current_batch_number = target.batch_number, current_coa_url = target.coa_file_url
          FROM target
         WHERE p.id = target.id
        """;

    /// <summary>Refreshes every product; returns how many were changed.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => RunAsync(BatchSize, cancellationToken);

    internal async Task<int> RunAsync(int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var today = CurrentBatch.Today(timeProvider);
        var started = timeProvider.GetTimestamp();
        var changed = 0;

        var after = Guid.Empty;
        while (true)
        {
            var (locked, updated) = await RefreshBatchAsync(today, after, batchSize, skipLocked: true, cancellationToken);
            changed += updated;
            if (locked.Count < batchSize)
            {
                break;
            }

            after = locked[^1];
        }

        // What the first pass skipped: few rows, locked for a moment by a checkout or by the other host's pass.
        after = Guid.Empty;
        while (true)
        {
            var (locked, updated) = await RefreshBatchAsync(today, after, 1, skipLocked: false, cancellationToken);
            changed += updated;
            if (locked.Count == 0)
            {
                break;
            }

            after = locked[^1];
        }

        if (changed > 0)
        {
            // Public pages compute the current batch live; this only spares them a few seconds of a stale copy.
            await CatalogReadCache.NotifyAsync(db, cancellationToken, CatalogCacheTags.Products); // after the batches committed
            cache.Evict(CatalogCacheTags.Products);
        }

        var elapsedMs = (long)timeProvider.GetElapsedTime(started).TotalMilliseconds;
        LogRefreshed(logger, changed, today, elapsedMs);
        return changed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Current batch refresh for {Today}: {Changed} products changed in {ElapsedMs} ms")]
    private static partial void LogRefreshed(ILogger logger, int changed, DateOnly today, long elapsedMs);

    private async Task<(List<Guid> Locked, int Updated)> RefreshBatchAsync(
        DateOnly today, Guid after, int limit, bool skipLocked, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!skipLocked)
        {
            await db.Database.ExecuteSqlRawAsync(SetLockTimeout, cancellationToken);
        }

        var locked = await db.Database.SqlQueryRaw<Guid>(
                skipLocked ? LockWrongProductsSkippingLocked : LockWrongProductsWaiting,
                new NpgsqlParameter("today", today), new NpgsqlParameter("after", after), new NpgsqlParameter("limit", limit))
            .ToListAsync(cancellationToken);
        var updated = locked.Count == 0
            ? 0
            : await db.Database.ExecuteSqlRawAsync(Refresh,
                [new NpgsqlParameter("today", today), new NpgsqlParameter("ids", locked.ToArray())], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (locked, updated);
    }
}
