using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Inventory;

/// <summary>
/// Stock changes as single conditional UPDATEs (EF's ExecuteUpdate: one set-based statement, no change tracking,
/// no concurrency-token check, run on the context's connection and current transaction). Each statement both checks
/// and changes the row, so PostgreSQL's row lock makes it atomic however many callers race on one product: at READ
/// COMMITTED a waiting UPDATE re-checks its condition on the row version it finally gets. Loading the entity and
/// saving it would instead lose concurrent changes (an oversell).
/// <para>
/// None of them touches <c>edit_version</c> (the admins' concurrency token): a hot product's reservations never
/// make an admin's edit of it fail.
/// </para>
/// </summary>
internal sealed class InventoryService(SbbDbContext db) : IInventoryService
{
    private const string Savepoint = "catalog_inventory";

    public async Task<InventoryResult> ReserveAsync(IReadOnlyCollection<StockLine> lines, CancellationToken cancellationToken)
    {
        var normalized = StockLines.Normalize(lines);
        if (normalized.Count == 0)
        {
            return InventoryResult.Success;
        }

        // One line: its conditional UPDATE alone does not wait on a row whose committed version already fails its
        // condition, and reads the availability only when it fails, so a read first would be a round trip for nothing.
        if (normalized.Count == 1)
        {
            return await AllOrNothingAsync(normalized, TryReserveAsync, cancellationToken);
        }

        // Several lines: a plain read takes no lock and waits for none: a line that is already short fails the
        // reservation here, before any row of it is locked, so a cart holding a sold-out product never queues behind
        // the other checkouts of its hot products first (the UPDATE of a later line would wait on every earlier one).
        var available = await AvailableAsync(normalized.Select(line => line.ProductId).ToArray(), cancellationToken);
        var shortages = normalized
            .Where(line => available.GetValueOrDefault(line.ProductId) < line.Quantity)
            .Select(line => new StockShortage(line.ProductId, line.Quantity, Math.Max(0, available.GetValueOrDefault(line.ProductId))))
            .ToList();
        if (shortages.Count > 0)
        {
            return InventoryResult.Failed(shortages);
        }

        return await AllOrNothingAsync(normalized, TryReserveAsync, cancellationToken);
    }

    public async Task<InventoryResult> ReleaseAsync(IReadOnlyCollection<StockLine> lines, CancellationToken cancellationToken)
    {
        var normalized = StockLines.Normalize(lines);
        return normalized.Count == 0
            ? InventoryResult.Success
            : await AllOrNothingAsync(normalized, TryReleaseAsync, cancellationToken);
    }

    public async Task<InventoryResult> CommitAsync(IReadOnlyCollection<StockLine> lines, CancellationToken cancellationToken)
    {
        var normalized = StockLines.Normalize(lines);
        return normalized.Count == 0
            ? InventoryResult.Success
            : await AllOrNothingAsync(normalized, TryCommitAsync, cancellationToken);
    }

    public async Task<InventoryResult> RestockAsync(IReadOnlyCollection<StockLine> lines, CancellationToken cancellationToken)
    {
        var normalized = StockLines.Normalize(lines);
        return normalized.Count == 0
            ? InventoryResult.Success
            : await AllOrNothingAsync(normalized, TryRestockAsync, cancellationToken);
    }

    private async Task<StockShortage?> TryRestockAsync(StockLine line, CancellationToken cancellationToken)
    {
        var (id, quantity) = (line.ProductId, line.Quantity);
        var updated = await db.Set<Product>().Where(p => p.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.QuantityOnHand, p => p.QuantityOnHand + quantity), cancellationToken);
        return updated == 1 ? null : new StockShortage(id, quantity, 0);
    }

    private async Task<StockShortage?> TryReserveAsync(StockLine line, CancellationToken cancellationToken)
    {
        var (id, quantity) = (line.ProductId, line.Quantity);
        var updated = await db.Set<Product>()
            .Where(p => p.Id == id && p.DeletedAt == null
                && (!p.TrackInventory || p.QuantityOnHand - p.QuantityReserved >= quantity))
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.QuantityReserved, p => p.QuantityReserved + quantity), cancellationToken);
        if (updated == 1)
        {
            return null;
        }

        var available = await AvailableAsync([id], cancellationToken);
        return new StockShortage(id, quantity, Math.Max(0, available.GetValueOrDefault(id)));
    }

    private async Task<StockShortage?> TryReleaseAsync(StockLine line, CancellationToken cancellationToken)
    {
        var (id, quantity) = (line.ProductId, line.Quantity);
        var updated = await db.Set<Product>()
            .Where(p => p.Id == id && p.QuantityReserved >= quantity)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.QuantityReserved, p => p.QuantityReserved - quantity), cancellationToken);
        return updated == 1 ? null : await ReservedShortageAsync(line, cancellationToken);
    }

    private async Task<StockShortage?> TryCommitAsync(StockLine line, CancellationToken cancellationToken)
    {
        var (id, quantity) = (line.ProductId, line.Quantity);
        var updated = await db.Set<Product>()
            .Where(p => p.Id == id && p.QuantityReserved >= quantity)
            .ExecuteUpdateAsync(set => set
                .SetProperty(p => p.QuantityReserved, p => p.QuantityReserved - quantity)
                .SetProperty(p => p.QuantityOnHand, p => p.TrackInventory ? p.QuantityOnHand - quantity : p.QuantityOnHand),
                cancellationToken);
        return updated == 1 ? null : await ReservedShortageAsync(line, cancellationToken);
    }

    private async Task<StockShortage> ReservedShortageAsync(StockLine line, CancellationToken cancellationToken)
    {
        var id = line.ProductId;
        var reserved = await db.Set<Product>().AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => (int?)p.QuantityReserved)
            .SingleOrDefaultAsync(cancellationToken);
        return new StockShortage(id, line.Quantity, reserved ?? 0);
    }

    /// <summary>On hand - reserved per product; int.MaxValue when not tracked; unknown and deleted ones absent.</summary>
    private async Task<Dictionary<Guid, int>> AvailableAsync(Guid[] productIds, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Product>().AsNoTracking()
            .Where(p => productIds.Contains(p.Id) && p.DeletedAt == null)
            .Select(p => new { p.Id, p.TrackInventory, Available = p.QuantityOnHand - p.QuantityReserved })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(row => row.Id, row => row.TrackInventory ? row.Available : int.MaxValue);
    }

    /// <summary>
    /// Applies the lines in order; the first that fails undoes the others. One line is one atomic statement.
    /// Several run under a savepoint of the caller's transaction (rolled back to on failure, which also releases
    /// the row locks taken after it, so the caller's transaction stays usable) or in a transaction of their own.
    /// </summary>
    private async Task<InventoryResult> AllOrNothingAsync(
        IReadOnlyList<StockLine> lines, Func<StockLine, CancellationToken, Task<StockShortage?>> apply, CancellationToken cancellationToken)
    {
        if (lines.Count == 1)
        {
            var shortage = await apply(lines[0], cancellationToken);
            return shortage is null ? InventoryResult.Success : InventoryResult.Failed([shortage]);
        }

        var callerTransaction = db.Database.CurrentTransaction;
        if (callerTransaction is not null)
        {
            await callerTransaction.CreateSavepointAsync(Savepoint, cancellationToken);
            foreach (var line in lines)
            {
                if (await apply(line, cancellationToken) is { } shortage)
                {
                    await callerTransaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
                    return InventoryResult.Failed([shortage]);
                }
            }

            await callerTransaction.ReleaseSavepointAsync(Savepoint, cancellationToken);
            return InventoryResult.Success;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var line in lines)
        {
            if (await apply(line, cancellationToken) is { } shortage)
            {
                await transaction.RollbackAsync(cancellationToken);
                return InventoryResult.Failed([shortage]);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return InventoryResult.Success;
    }
}
