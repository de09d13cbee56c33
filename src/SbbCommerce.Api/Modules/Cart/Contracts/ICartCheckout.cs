namespace SbbCommerce.Api.Modules.Cart.Contracts;

/// <summary>What checkout (Orders) needs from the cart. Every method works in the caller's transaction.</summary>
public interface ICartCheckout
{
    /// <summary>
    /// The user's active cart priced for checkout at current prices, with tax for the given shipping address;
    /// null when there is no active cart. Nothing is written.
    /// </summary>
    Task<CheckoutQuote?> QuoteAsync(Guid userId, Guid shippingAddressId, CancellationToken cancellationToken);

    /// <summary>
    /// Counts one use of the discount, atomically. Returns null when counted, else the refusal reason
    /// (usage_limit_reached, per_user_limit_reached): concurrent checkouts cannot overrun either limit.
    /// </summary>
    Task<string?> ConsumeDiscountAsync(Guid discountId, Guid userId, CancellationToken cancellationToken);

    /// <summary>The products in the user's active cart (one light query; empty when there is no cart).</summary>
    Task<IReadOnlyList<Guid>> ProductIdsAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The cart became an order.</summary>
    Task MarkConvertedAsync(Guid cartId, Guid orderId, CancellationToken cancellationToken);
}

/// <summary>A cart priced for checkout. Money in cents.</summary>
/// <param name="CartId">The cart.</param>
/// <param name="Lines">Its lines at current prices (purchasable or not).</param>
/// <param name="SubtotalCents">Sum of the purchasable lines.</param>
/// <param name="DiscountId">The applied discount, when it still applies.</param>
/// <param name="DiscountCode">Its code.</param>
/// <param name="DiscountCents">What it takes off.</param>
/// <param name="DiscountRefusal">Why the applied code no longer applies (a reason of API.md), or null.</param>
/// <param name="TaxCents">Sales tax for the shipping address's state.</param>
/// <param name="TotalCents">Subtotal - discount + tax.</param>
/// <param name="UtmSource">Attribution captured with the cart.</param>
/// <param name="UtmMedium">Attribution captured with the cart.</param>
/// <param name="UtmCampaign">Attribution captured with the cart.</param>
/// <param name="Products">The catalog snapshots the lines were priced with (checkout's rules read them).</param>
public sealed record CheckoutQuote(
    Guid CartId,
    IReadOnlyList<CheckoutLine> Lines,
    int SubtotalCents,
    Guid? DiscountId,
    string? DiscountCode,
    int DiscountCents,
    string? DiscountRefusal,
    int TaxCents,
    int TotalCents,
    string? UtmSource,
    string? UtmMedium,
    string? UtmCampaign,
    IReadOnlyList<Catalog.Contracts.ProductSnapshot> Products);

/// <summary>A cart line at checkout.</summary>
public sealed record CheckoutLine(Guid ProductId, int Quantity, int UnitPriceCents, bool Purchasable);
