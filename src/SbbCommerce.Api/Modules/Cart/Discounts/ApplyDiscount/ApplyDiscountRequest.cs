namespace SbbCommerce.Api.Modules.Cart.Discounts.ApplyDiscount;

/// <summary>A discount code to apply.</summary>
/// <param name="Code">The code (case-insensitive).</param>
internal sealed record ApplyDiscountRequest(string Code);
