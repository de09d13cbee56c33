using SbbCommerce.Api.Modules.Cart.Contracts;
using SbbCommerce.Api.Modules.Cart.Data;
using SbbCommerce.Api.Modules.Cart.Pricing;
using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Cart.Checkout;

/// <remarks>
/// Scoped (one per request): the cart and its lines are read once, in one query, by whichever of
/// <see cref="ProductIdsAsync"/> and <see cref="QuoteAsync"/> comes first, and the other reuses them, so checkout's
/// sold-out gate and its quote cost one round trip together instead of three.
/// </remarks>
internal sealed class CartCheckout(SbbDbContext db, CartPricer pricer, IOrderHistory orders, TimeProvider timeProvider)
    : ICartCheckout
{
    private (Guid UserId, ShoppingCart? Cart, List<CartItem> Items)? _loaded;

    public async Task<CheckoutQuote?> QuoteAsync(Guid userId, Guid shippingAddressId, CancellationToken cancellationToken)
    {
        // Read without tracking: the quote prices the cart for this address without changing the stored cart.
        var (cart, items) = await LoadAsync(userId, cancellationToken);
        if (cart is null)
        {
            return null;
        }

        var appliedCode = cart.DiscountCode;
        cart.ShippingAddressId = shippingAddressId;
        var (priced, products) = await pricer.PriceWithProductsAsync(cart, items, cancellationToken);
        var refusal = appliedCode is not null && priced.Discount is null ? priced.DiscountNotice?.Reason ?? DiscountReasons.NotApplicable : null;
        return new CheckoutQuote(
            cart.Id,
            priced.Items.Select(l => new CheckoutLine(l.ProductId, l.Quantity, l.UnitPriceCents, l.Purchasable)).ToList(),
            priced.SubtotalCents,
            priced.Discount is null ? null : cart.DiscountId,
            priced.Discount?.Code,
            priced.DiscountCents,
            refusal,
            priced.TaxCents,
            priced.TotalCents,
            cart.UtmSource,
            cart.UtmMedium,
            cart.UtmCampaign,
            products);
    }

    public async Task<string?> ConsumeDiscountAsync(Guid discountId, Guid userId, CancellationToken cancellationToken)
    {
        // One user's checkouts with one code take turns until commit, so the per-user count below is exact.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"SELECT pg_advisory_xact_lock(hashtextextended({"discount:" + discountId + ":" + userId}, 0))", cancellationToken);
        var perUserLimit = await db.Set<Discount>().AsNoTracking().Where(d => d.Id == discountId).Select(d => d.UsageLimitPerUser)
            .SingleOrDefaultAsync(cancellationToken);
        if (perUserLimit is { } limit && await orders.CountDiscountUsesAsync(userId, discountId, cancellationToken) >= limit)
        {
            return DiscountReasons.PerUserLimitReached;
        }

        // The global limit holds under any number of concurrent checkouts: the row is counted up only below it.
        var now = timeProvider.GetDatabaseNow();
        var counted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE discounts SET usage_count = usage_count + 1, updated_at = {now}
             WHERE id = {discountId} AND is_active AND (usage_limit IS NULL OR usage_count < usage_limit)
            """, cancellationToken);
        return counted == 1 ? null : DiscountReasons.UsageLimitReached;
    }

    public async Task<IReadOnlyList<Guid>> ProductIdsAsync(Guid userId, CancellationToken cancellationToken) =>
        (await LoadAsync(userId, cancellationToken)).Items.Select(i => i.ProductId).ToList();

    // The active cart with its lines in one query (a LEFT JOIN), untracked; the quote works on copies of neither.
    private async Task<(ShoppingCart? Cart, List<CartItem> Items)> LoadAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (_loaded is { } loaded && loaded.UserId == userId)
        {
            return (loaded.Cart, loaded.Items);
        }

        var row = await db.Set<ShoppingCart>().AsNoTracking()
            .Where(c => c.UserId == userId && c.Status == CartStatus.Active)
            .Select(c => new { Cart = c, Items = db.Set<CartItem>().Where(i => i.CartId == c.Id).ToList() })
            .SingleOrDefaultAsync(cancellationToken);
        _loaded = (userId, row?.Cart, row?.Items ?? []);
        return (row?.Cart, row?.Items ?? []);
    }

    public Task MarkConvertedAsync(Guid cartId, Guid orderId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetDatabaseNow();
        return db.Set<ShoppingCart>().Where(c => c.Id == cartId && c.Status == CartStatus.Active)
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.Status, CartStatus.Converted)
                .SetProperty(c => c.ConvertedToOrderId, orderId)
                .SetProperty(c => c.ConvertedAt, now)
                .SetProperty(c => c.UpdatedAt, now), cancellationToken);
    }
}
