namespace SbbCommerce.Api.Modules.Cart;

/// <summary>The <c>carts.status</c> values.</summary>
internal static class CartStatus
{
    public const string Active = "active";
    public const string Merged = "merged";
    public const string Converted = "converted";
    public const string Abandoned = "abandoned";
    public const string Expired = "expired";
}
