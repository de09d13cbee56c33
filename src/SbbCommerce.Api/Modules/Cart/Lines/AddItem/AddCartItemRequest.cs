namespace SbbCommerce.Api.Modules.Cart.Lines.AddItem;

/// <summary>Units of a product to add to the cart (merged into its line if present).</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">Units to add, 1 or more.</param>
internal sealed record AddCartItemRequest(Guid ProductId, int Quantity);
