namespace SbbCommerce.Api.Modules.Catalog.Contracts;

/// <summary>
/// Stock of the catalog's products (<c>products.quantity_on_hand</c> and <c>quantity_reserved</c>), for the
/// Orders and Fulfillment modules. Every operation is all or nothing: when one line cannot be applied, none is,
/// the result says why, and the caller's transaction stays usable (failures are results, not exceptions).
/// <para>
/// Each operation runs in the caller's current DbContext transaction when there is one (so the stock change
/// commits or rolls back with the order), else in its own. The row of a reserved product stays locked until that
/// transaction ends: reserve late in the transaction, just before saving. Run at READ COMMITTED (the default).
/// </para>
/// </summary>
public interface IInventoryService
{
    /// <summary>
    /// Reserves the lines (checkout): <c>quantity_reserved</c> grows, never beyond <c>quantity_on_hand</c> for
    /// products whose inventory is tracked. Safe under any number of concurrent callers; a product already sold
    /// out is refused at once, without waiting for the callers that hold its row.
    /// </summary>
    Task<InventoryResult> ReserveAsync(IReadOnlyCollection<StockLine> lines, CancellationToken cancellationToken);

    /// <summary>Gives reserved units back (an order cancelled or expired unpaid): <c>quantity_reserved</c> drops.</summary>
    Task<InventoryResult> ReleaseAsync(IReadOnlyCollection<StockLine> lines, CancellationToken cancellationToken);

    /// <summary>
    /// Turns reserved units into shipped ones (on shipment): <c>quantity_reserved</c> and, for tracked products,
    /// <c>quantity_on_hand</c> both drop.
    /// </summary>
    Task<InventoryResult> CommitAsync(IReadOnlyCollection<StockLine> lines, CancellationToken cancellationToken);

    /// <summary>Returned units go back on the shelf (a return with restock): <c>quantity_on_hand</c> rises.</summary>
    Task<InventoryResult> RestockAsync(IReadOnlyCollection<StockLine> lines, CancellationToken cancellationToken);
}
