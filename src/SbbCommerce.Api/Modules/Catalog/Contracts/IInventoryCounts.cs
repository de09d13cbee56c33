namespace SbbCommerce.Api.Modules.Catalog.Contracts;

/// <summary>
/// Warehouse counts from the ERP (its webhook or its pull): on hand set to the count as of a time; an older count than the
/// one applied is skipped; a count below reserved is applied down to reserved and recorded as a discrepancy. In the
/// caller's transaction.
/// </summary>
public interface IInventoryCounts
{
    /// <summary>What happened: <c>applied</c>, <c>discrepancy</c>, <c>stale</c> or <c>unknown_sku</c>.</summary>
    Task<string> ApplyCountAsync(string sku, int quantityOnHand, DateTimeOffset asOf, string source, CancellationToken cancellationToken);
}
