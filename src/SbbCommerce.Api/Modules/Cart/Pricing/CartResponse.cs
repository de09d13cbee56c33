using ShopCurrency = SbbCommerce.Api.Common.Money.Currency;

namespace SbbCommerce.Api.Modules.Cart.Pricing;

/// <summary>The cart as the storefront shows it. Money in cents (USD).</summary>
/// <param name="Id">Cart id, or null when the owner has no cart yet (an empty cart).</param>
/// <param name="Status">active (or empty for no cart).</param>
/// <param name="Items">Lines at the current catalog price.</param>
/// <param name="SubtotalCents">Sum of the purchasable lines.</param>
/// <param name="DiscountCents">What the applied code takes off.</param>
/// <param name="TaxCents">Sales tax of the shipping address's state (zero unless configured).</param>
/// <param name="TotalCents">Subtotal - discount + tax.</param>
/// <param name="Currency">Always USD.</param>
/// <param name="Discount">The applied code, if any.</param>
/// <param name="DiscountNotice">A code the cart dropped because it no longer applies, with the reason.</param>
/// <param name="ShippingAddressId">The shipping address chosen for the cart (user carts).</param>
/// <param name="ItemCount">Units in the cart.</param>
internal sealed record CartResponse(
    Guid? Id,
    [property: SchemaValues(typeof(CartStatus), "empty")] string Status,
    IReadOnlyList<CartLineResponse> Items,
    int SubtotalCents,
    int DiscountCents,
    int TaxCents,
    int TotalCents,
    string Currency,
    AppliedDiscountResponse? Discount,
    DiscountNoticeResponse? DiscountNotice,
    Guid? ShippingAddressId,
    int ItemCount)
{
    public static CartResponse Empty { get; } = new(null, "empty", [], 0, 0, 0, 0, ShopCurrency.Usd, null, null, null, 0);
}

/// <summary>A cart line.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Sku">Its SKU.</param>
/// <param name="Name">Its name.</param>
/// <param name="Slug">Its page.</param>
/// <param name="Quantity">Units.</param>
/// <param name="UnitPriceCents">The current catalog price (what the totals use).</param>
/// <param name="AddedPriceCents">The price when the line was added or last changed.</param>
/// <param name="PriceChanged">The catalog price moved since then: tell the buyer.</param>
/// <param name="LineTotalCents">Quantity x current price (0 when not purchasable).</param>
/// <param name="QuantityAvailable">Units on the shelf now (null when stock is not tracked).</param>
/// <param name="Purchasable">False when the product was withdrawn; such a line is left out of the totals.</param>
internal sealed record CartLineResponse(
    Guid ProductId,
    string Sku,
    string Name,
    string Slug,
    int Quantity,
    int UnitPriceCents,
    int AddedPriceCents,
    bool PriceChanged,
    int LineTotalCents,
    int? QuantityAvailable,
    bool Purchasable);

/// <summary>The discount code applied to the cart.</summary>
internal sealed record AppliedDiscountResponse(string Code, string Name, [property: SchemaValues(typeof(DiscountTypes))] string DiscountType, int Value, int AmountCents);

/// <summary>A code the cart dropped on a change, and why (a reason of API.md).</summary>
internal sealed record DiscountNoticeResponse(string Code, string Reason);
