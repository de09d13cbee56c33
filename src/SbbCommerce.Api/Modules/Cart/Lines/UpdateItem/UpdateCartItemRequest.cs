namespace SbbCommerce.Api.Modules.Cart.Lines.UpdateItem;

/// <summary>The new quantity of a line.</summary>
/// <param name="Quantity">Units, 1 or more (remove the line with DELETE).</param>
internal sealed record UpdateCartItemRequest(int Quantity);
