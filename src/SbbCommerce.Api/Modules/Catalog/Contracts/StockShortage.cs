namespace SbbCommerce.Api.Modules.Catalog.Contracts;

/// <summary>A line the inventory could not honour.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Requested">Units asked for (summed over the lines of that product).</param>
/// <param name="Available">
/// Units there were: on hand - reserved for a reservation, reserved for a release or a commit; 0 for an unknown
/// or deleted product.
/// </param>
public sealed record StockShortage(Guid ProductId, int Requested, int Available);
