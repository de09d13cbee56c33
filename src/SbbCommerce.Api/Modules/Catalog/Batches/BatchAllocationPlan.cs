using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.Api.Modules.Catalog.Batches;

/// <summary>An eligible batch's units as read (without a lock), for planning an allocation.</summary>
internal sealed record BatchStock(
    Guid Id, string BatchNumber, int QuantityRemaining, DateOnly ManufacturedAt, DateOnly ExpiresAt, DateTimeOffset CreatedAt, string CoaFileUrl);

/// <summary>Which batches an allocation draws from, and how many units from each (the policy of <see cref="IBatchAllocator"/>).</summary>
internal static class BatchAllocationPlan
{
    /// <summary>
    /// The preferred batch first (when among <paramref name="batches"/>), then first expiring, first out: earliest
    /// expiry, then earliest manufacture, then earliest recorded, then id (so every caller orders alike). Each batch
    /// gives what it has until the quantity is covered. Null when all of them together hold too few units.
    /// </summary>
    public static IReadOnlyList<BatchAllocation>? Plan(IReadOnlyCollection<BatchStock> batches, int quantity, Guid? preferredBatchId)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        var needed = quantity;
        var parts = new List<BatchAllocation>();
        foreach (var batch in batches
                     .Where(b => b.QuantityRemaining > 0)
                     .OrderBy(b => b.Id == preferredBatchId ? 0 : 1)
                     .ThenBy(b => b.ExpiresAt)
                     .ThenBy(b => b.ManufacturedAt)
                     .ThenBy(b => b.CreatedAt)
                     .ThenBy(b => b.Id))
        {
            var take = Math.Min(needed, batch.QuantityRemaining);
            parts.Add(new BatchAllocation(batch.Id, batch.BatchNumber, take, batch.ExpiresAt, batch.CoaFileUrl));
            needed -= take;
            if (needed == 0)
            {
                return parts;
            }
        }

        return null;
    }
}
