namespace SbbCommerce.Api.Modules.Catalog.Contracts;

/// <summary>A quantity of one product to reserve, release or commit.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">Units, at least 1.</param>
public sealed record StockLine(Guid ProductId, int Quantity);
