namespace SbbCommerce.Api.Modules.Cart.Data;

/// <summary>A row of <c>cart_items</c>.</summary>
internal sealed class CartItem
{
    public Guid Id { get; set; }
    public Guid CartId { get; set; }
    public Guid ProductId { get; set; }
    public int Quantity { get; set; } = 1;
    public int UnitPriceCents { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
