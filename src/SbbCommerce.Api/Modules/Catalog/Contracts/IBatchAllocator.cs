namespace SbbCommerce.Api.Modules.Catalog.Contracts;

/// <summary>
/// Picks the production batches (lots) a shipment's units come from, for the Fulfillment module, and lowers their
/// <c>product_batches.quantity_remaining</c>. Only verified (COA), active, unexpired batches are used (expiry judged by
/// today's UTC date: a batch is not used on its expiry day).
/// <para>
/// Policy: first expiring, first out (earliest <c>expires_at</c>, then earliest made, then earliest recorded). A
/// quantity no single batch covers is split across batches in that order, each part naming its batch (one
/// fulfillment item per part), rather than refused while the shelf holds the units. When the eligible batches
/// together cannot cover the quantity, nothing is taken and the result says so (a result, not an exception).
/// </para>
/// <para>
/// Transactions: runs in the caller's current DbContext transaction when there is one (the units come back if it
/// rolls back; a refusal leaves it usable), else in its own. The rows of the batches drawn from stay locked until
/// that transaction ends: allocate late, just before saving. Allocating several products in one transaction, do it in
/// ascending product id order (the order the inventory service locks products in), so two shipments never deadlock.
/// Run at READ COMMITTED (the default). Safe under any number of concurrent callers: a batch never goes below 0 and
/// no unit is given twice. This tracks lots only: stock on hand moves with <see cref="IInventoryService.CommitAsync"/>,
/// which the caller runs in the same transaction.
/// </para>
/// </summary>
public interface IBatchAllocator
{
    /// <summary>
    /// Takes <paramref name="quantity"/> units of the product from its batches.
    /// </summary>
    /// <param name="productId">The product.</param>
    /// <param name="quantity">Units, at least 1.</param>
    /// <param name="preferredBatchId">
    /// A batch to draw from first (e.g. the one the order line recorded), as far as it can give; the rest comes first
    /// expiring, first out. Ignored when it is not an eligible batch of this product: the allocations say which
    /// batches were used.
    /// </param>
    /// <param name="cancellationToken">Cancels the database calls.</param>
    Task<BatchAllocationResult> AllocateAsync(Guid productId, int quantity, Guid? preferredBatchId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes <paramref name="quantity"/> units from exactly the batch <paramref name="batchId"/> (an admin named it),
    /// under the same rules: a batch of this product, active, COA-verified, unexpired, not recalled, with the units.
    /// Refused (nothing taken) otherwise.
    /// </summary>
    Task<BatchAllocationResult> AllocateFromAsync(Guid productId, Guid batchId, int quantity, CancellationToken cancellationToken);

    /// <summary>The batches <see cref="AllocateAsync"/> would draw from now, without taking anything; null when they hold too few.</summary>
    Task<IReadOnlyList<BatchAllocation>?> PreviewAsync(Guid productId, int quantity, CancellationToken cancellationToken);

    /// <summary>Returned units go back to their batch (never beyond what it produced): <c>quantity_remaining</c> rises.</summary>
    Task RestockAsync(Guid batchId, int quantity, CancellationToken cancellationToken);
}
