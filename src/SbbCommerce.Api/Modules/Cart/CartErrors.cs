namespace SbbCommerce.Api.Modules.Cart;

/// <summary>The Cart codes of API.md.</summary>
internal static class CartErrors
{
    public const string CartOwnerRequired = "cart_owner_required";
    public const string InsufficientStock = "insufficient_stock";
    public const string ProductUnavailable = "product_unavailable";
    public const string DiscountInvalid = "discount_invalid";
    public const string CartItemNotFound = "cart_item_not_found"; // not in API.md: the line is not in this cart
    public const string AddressNotFound = "address_not_found";
    public const string DiscountNotFound = "discount_not_found";
    public const string DiscountCodeTaken = "discount_code_taken"; // not in API.md: admin creates a duplicate code
}
