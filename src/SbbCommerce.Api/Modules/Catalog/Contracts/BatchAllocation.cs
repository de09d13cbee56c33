namespace SbbCommerce.Api.Modules.Catalog.Contracts;

/// <summary>Units taken from one batch by <see cref="IBatchAllocator"/>.</summary>
/// <param name="BatchId">The batch (<c>product_batches.id</c>), for <c>fulfillment_items.batch_id</c>.</param>
/// <param name="BatchNumber">Its batch (lot) number, for <c>fulfillment_items.batch_number</c> and the packing slip.</param>
/// <param name="Quantity">Units taken from it, at least 1.</param>
/// <param name="ExpiresAt">Its expiry date.</param>
/// <param name="CoaFileUrl">Its certificate of analysis.</param>
public sealed record BatchAllocation(Guid BatchId, string BatchNumber, int Quantity, DateOnly ExpiresAt, string CoaFileUrl);
