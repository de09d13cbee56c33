using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Batches;

/// <summary>
/// Allocation as a plain read, a plan (<see cref="BatchAllocationPlan"/>), then one conditional UPDATE per batch drawn
/// from (EF's ExecuteUpdate on the caller's connection and transaction): each lowers quantity_remaining only while
/// the batch still holds the units and is still eligible, so PostgreSQL's row lock makes it atomic however many
/// callers race (at READ COMMITTED a waiting UPDATE re-checks its condition on the row version it finally gets).
/// <para>
/// The read takes no lock and waits for none: a product whose batches are already drained is refused at once. When
/// an UPDATE finds fewer units than were read (another allocation committed in between), the parts already taken are
/// undone and it plans again from a fresh read. Each retry follows a concurrent allocation that committed units of
/// the batch, and units only go down, so the retries end: allocated, or refused once the read shows too few.
/// </para>
/// <para>
/// Every attempt in the caller's transaction runs under a savepoint, even a one-batch one: an UPDATE that waited for
/// a row and then found its condition false still leaves that row locked (PostgreSQL locks the newest version to
/// re-check it), and only rolling back to the savepoint releases it. Kept, those locks would make the next attempt
/// lock rows out of order and deadlock with other allocations. Without a caller transaction an attempt is one
/// autocommitted statement or a transaction of its own.
/// </para>
/// <para>
/// The rows are updated in batch id order, whatever the draw order (a preferred batch first, say), so two
/// allocations of one product that split across the same batches never lock them in opposite orders.
/// </para>
/// </summary>
internal sealed class BatchAllocator(SbbDbContext db, TimeProvider timeProvider) : IBatchAllocator
{
    private const string Savepoint = "catalog_batch_allocation";

    public async Task<BatchAllocationResult> AllocateAsync(
        Guid productId, int quantity, Guid? preferredBatchId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        var today = CurrentBatch.Today(timeProvider);
        while (true)
        {
            var batches = await EligibleAsync(productId, today, cancellationToken);
            var available = (int)Math.Min(int.MaxValue, batches.Sum(batch => (long)batch.QuantityRemaining));
            var plan = BatchAllocationPlan.Plan(batches, quantity, preferredBatchId);
            if (plan is null)
            {
                return BatchAllocationResult.Refused(quantity, available);
            }

            if (await TryTakeAsync(plan, today, cancellationToken))
            {
                return BatchAllocationResult.Allocated(plan, quantity, available);
            }
        }
    }

    public async Task<BatchAllocationResult> AllocateFromAsync(Guid productId, Guid batchId, int quantity, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        var today = CurrentBatch.Today(timeProvider);
        var batch = (await EligibleAsync(productId, today, cancellationToken)).SingleOrDefault(b => b.Id == batchId);
        if (batch is null || batch.QuantityRemaining < quantity)
        {
            return BatchAllocationResult.Refused(quantity, batch?.QuantityRemaining ?? 0);
        }

        // One conditional UPDATE: atomic on its own, nothing to undo when it finds the units gone.
        var part = new BatchAllocation(batch.Id, batch.BatchNumber, quantity, batch.ExpiresAt, batch.CoaFileUrl);
        return await TakeAsync(part, today, cancellationToken)
            ? BatchAllocationResult.Allocated([part], quantity, batch.QuantityRemaining)
            : BatchAllocationResult.Refused(quantity, 0);
    }

    public async Task<IReadOnlyList<BatchAllocation>?> PreviewAsync(Guid productId, int quantity, CancellationToken cancellationToken) =>
        BatchAllocationPlan.Plan(await EligibleAsync(productId, CurrentBatch.Today(timeProvider), cancellationToken), quantity, null);

    public async Task RestockAsync(Guid batchId, int quantity, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        await db.Set<ProductBatch>().Where(b => b.Id == batchId)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.QuantityRemaining,
                b => b.QuantityRemaining + quantity > b.QuantityProduced ? b.QuantityProduced : b.QuantityRemaining + quantity), cancellationToken);
    }

    private async Task<List<BatchStock>> EligibleAsync(Guid productId, DateOnly today, CancellationToken cancellationToken) =>
        await db.Set<ProductBatch>().AsNoTracking()
            .Where(b => b.ProductId == productId && b.CoaVerified && b.IsActive && b.RecalledAt == null && b.ExpiresAt > today && b.QuantityRemaining > 0)
            .Select(b => new BatchStock(b.Id, b.BatchNumber, b.QuantityRemaining, b.ManufacturedAt, b.ExpiresAt, b.CreatedAt, b.CoaFileUrl))
            .ToListAsync(cancellationToken);

    /// <summary>Takes every part of the plan, or none of them (false: a batch no longer held the units read).</summary>
    private async Task<bool> TryTakeAsync(IReadOnlyList<BatchAllocation> plan, DateOnly today, CancellationToken cancellationToken)
    {
        var parts = plan.OrderBy(part => part.BatchId).ToList();
        var callerTransaction = db.Database.CurrentTransaction;
        if (callerTransaction is null && parts.Count == 1)
        {
            return await TakeAsync(parts[0], today, cancellationToken); // autocommitted: nothing to undo, no lock kept
        }

        if (callerTransaction is not null)
        {
            await callerTransaction.CreateSavepointAsync(Savepoint, cancellationToken);
            foreach (var part in parts)
            {
                if (!await TakeAsync(part, today, cancellationToken))
                {
                    // Also releases the row locks taken since the savepoint (the failed UPDATE's too); the caller's
                    // transaction stays usable.
                    await callerTransaction.RollbackToSavepointAsync(Savepoint, cancellationToken);
                    return false;
                }
            }

            await callerTransaction.ReleaseSavepointAsync(Savepoint, cancellationToken);
            return true;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var part in parts)
        {
            if (!await TakeAsync(part, today, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task<bool> TakeAsync(BatchAllocation part, DateOnly today, CancellationToken cancellationToken)
    {
        var (id, take) = (part.BatchId, part.Quantity);
        var updated = await db.Set<ProductBatch>()
            .Where(b => b.Id == id && b.QuantityRemaining >= take && b.CoaVerified && b.IsActive && b.RecalledAt == null && b.ExpiresAt > today)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.QuantityRemaining, b => b.QuantityRemaining - take), cancellationToken);
        return updated == 1;
    }
}
