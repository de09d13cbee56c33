namespace SbbCommerce.Api.Modules.Catalog.Contracts;

/// <summary>
/// Reads batches (lots) for other modules (Fulfillment: packing slips, recall, the customer's COA links) and
/// records a recall. Always from the database; every call runs in the caller's DbContext transaction when there is one.
/// </summary>
public interface IBatchRegistry
{
    /// <summary>The batch, or null.</summary>
    Task<BatchInfo?> FindAsync(Guid batchId, CancellationToken cancellationToken);

    /// <summary>The batches among <paramref name="batchIds"/> that exist.</summary>
    Task<IReadOnlyList<BatchInfo>> FindManyAsync(IReadOnlyCollection<Guid> batchIds, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the batch recalled (once: a second recall is refused), so it never ships again, and refreshes its
    /// product's current batch. The caller audits it and tells the customers.
    /// </summary>
    Task<BatchRecallResult> RecallAsync(Guid batchId, string reason, CancellationToken cancellationToken);
}

/// <summary>A batch of a product and its certificate of analysis.</summary>
/// <param name="Id">The batch.</param>
/// <param name="ProductId">Its product.</param>
/// <param name="Sku">The product's sku.</param>
/// <param name="ProductName">The product's name.</param>
/// <param name="BatchNumber">Lot number (printed on the vial).</param>
/// <param name="CoaFileUrl">Its certificate of analysis.</param>
/// <param name="CoaVerified">An admin checked the certificate.</param>
/// <param name="ManufacturedAt">Manufacture date.</param>
/// <param name="ExpiresAt">Expiry date.</param>
/// <param name="QuantityRemaining">Units not yet allocated to a shipment.</param>
/// <param name="RecalledAt">When it was recalled, or null.</param>
/// <param name="RecallReason">Why it was recalled.</param>
public sealed record BatchInfo(
    Guid Id, Guid ProductId, string Sku, string ProductName, string BatchNumber, string CoaFileUrl, bool CoaVerified,
    DateOnly ManufacturedAt, DateOnly ExpiresAt, int QuantityRemaining, DateTimeOffset? RecalledAt, string? RecallReason);

/// <summary>How a recall went.</summary>
public enum BatchRecallOutcome
{
    /// <summary>The batch is now recalled.</summary>
    Recalled,
    /// <summary>No such batch.</summary>
    NotFound,
    /// <summary>It was recalled before (nothing changed).</summary>
    AlreadyRecalled,
}

/// <summary>The outcome of <see cref="IBatchRegistry.RecallAsync"/> and the batch as it now stands (null when not found).</summary>
public sealed record BatchRecallResult(BatchRecallOutcome Outcome, BatchInfo? Batch);
