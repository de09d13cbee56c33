using SbbCommerce.Api.Common.Money;
using SbbCommerce.Api.Modules.Cart.Data;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Cart.Pricing;

/// <summary>
/// Recomputes a cart's totals from its lines at the current catalog prices, re-validates its discount (dropping a
/// code that no longer applies, with the reason) and applies the state's tax. Called on every change, inside the
/// change's transaction, so the stored totals always match the lines.
/// </summary>
internal sealed class CartPricer(
    SbbDbContext db,
    IProductCatalog catalog,
    ICustomerDirectory customers,
    IOrderHistory orders,
    IOptions<TaxOptions> tax,
    TimeProvider timeProvider)
{
    // Scoped (one per request): products this request has already read, e.g. the one a line add checked.
    private readonly Dictionary<Guid, ProductSnapshot> _known = [];

    /// <summary>A product this request has just read (the line being added), so pricing does not read it again.</summary>
    public void Remember(ProductSnapshot product)
    {
        ArgumentNullException.ThrowIfNull(product);
        _known[product.Id] = product;
    }

    public async Task<CartResponse> PriceAsync(ShoppingCart cart, IReadOnlyList<CartItem> items, CancellationToken cancellationToken) =>
        (await PriceWithProductsAsync(cart, items, cancellationToken)).Cart;

    /// <summary>The priced cart and the product snapshots it was priced with (checkout reuses them).</summary>
    public async Task<(CartResponse Cart, IReadOnlyList<ProductSnapshot> Products)> PriceWithProductsAsync(
        ShoppingCart cart, IReadOnlyList<CartItem> items, CancellationToken cancellationToken)
    {
        var unknown = items.Select(i => i.ProductId).Where(id => !_known.ContainsKey(id)).ToList();
        var snapshots = unknown.Count == 0
            ? items.Select(i => _known[i.ProductId]).DistinctBy(p => p.Id).ToList()
            : [.. await catalog.GetProductsAsync(unknown, cancellationToken), .. items.Select(i => i.ProductId).Distinct().Where(_known.ContainsKey).Select(id => _known[id])];
        var products = snapshots.ToDictionary(p => p.Id);
        var lines = items.Select(item => Line(item, products.GetValueOrDefault(item.ProductId))).ToList();
        var subtotal = lines.Sum(l => l.LineTotalCents);

        var (discount, discountAmount) = await EvaluateDiscountAsync(cart, lines, subtotal, cancellationToken);
        var taxRate = await TaxRateAsync(cart, cancellationToken);
        var taxable = subtotal - discountAmount;
        var taxCents = (int)((((long)taxable * taxRate) + 5_000) / 10_000);

        cart.SubtotalCents = subtotal;
        cart.DiscountCents = discountAmount;
        cart.TaxCents = taxCents;
        cart.TotalCents = taxable + taxCents;
        return (new CartResponse(cart.Id, cart.Status, lines, cart.SubtotalCents, cart.DiscountCents, cart.TaxCents, cart.TotalCents, Currency.Usd,
            discount is null ? null : new AppliedDiscountResponse(discount.Code, discount.Name, discount.DiscountType, discount.Value, discountAmount),
            cart.DiscountRemovedCode is null ? null : new DiscountNoticeResponse(cart.DiscountRemovedCode, cart.DiscountRemovedReason ?? DiscountReasons.NotApplicable),
            cart.ShippingAddressId,
            lines.Sum(l => l.Quantity)), snapshots);
    }

    /// <summary>Checks a discount for this cart without applying it.</summary>
    public async Task<DiscountEvaluation> EvaluateAsync(Discount discount, ShoppingCart cart, IReadOnlyList<CartLineResponse> lines, int subtotal,
        CancellationToken cancellationToken)
    {
        int? placed = null;
        int? uses = null;
        if (cart.UserId is { } userId)
        {
            placed = discount.FirstOrderOnly ? await orders.CountPlacedOrdersAsync(userId, cancellationToken) : null;
            uses = discount.UsageLimitPerUser is not null ? await orders.CountDiscountUsesAsync(userId, discount.Id, cancellationToken) : null;
        }

        return DiscountEvaluation.Evaluate(discount, new DiscountContext(
            subtotal, lines.Where(l => l.Purchasable).Select(l => (l.ProductId, l.LineTotalCents)).ToList(), cart.UserId,
            timeProvider.GetDatabaseNow(), placed, uses));
    }

    private async Task<(Discount? Discount, int Amount)> EvaluateDiscountAsync(
        ShoppingCart cart, IReadOnlyList<CartLineResponse> lines, int subtotal, CancellationToken cancellationToken)
    {
        if (cart.DiscountId is not { } discountId)
        {
            return (null, 0);
        }

        var discount = await db.Set<Discount>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == discountId, cancellationToken);
        var evaluation = discount is null
            ? DiscountEvaluation.Refused(DiscountReasons.NotApplicable)
            : await EvaluateAsync(discount, cart, lines, subtotal, cancellationToken);
        if (evaluation.Applies)
        {
            return (discount, evaluation.AmountCents);
        }

        // The code no longer applies (expired, minimum no longer met, ...): drop it and say why.
        cart.DiscountRemovedCode = cart.DiscountCode;
        cart.DiscountRemovedReason = evaluation.Reason;
        cart.DiscountId = null;
        cart.DiscountCode = null;
        return (null, 0);
    }

    private async Task<int> TaxRateAsync(ShoppingCart cart, CancellationToken cancellationToken)
    {
        if (cart is not { UserId: { } userId, ShippingAddressId: { } addressId } || tax.Value.RatesBasisPoints.Count == 0)
        {
            return 0;
        }

        var address = await customers.GetAddressAsync(userId, addressId, cancellationToken);
        return address is { CountryCode: "US" } ? tax.Value.RateFor(address.StateProvince) : 0;
    }

    private static CartLineResponse Line(CartItem item, ProductSnapshot? product)
    {
        if (product is null)
        {
            return new CartLineResponse(item.ProductId, "", "(removed product)", "", item.Quantity, item.UnitPriceCents, item.UnitPriceCents,
                false, 0, 0, false);
        }

        var purchasable = product.IsPurchasable;
        return new CartLineResponse(product.Id, product.Sku, product.Name, product.Slug, item.Quantity, product.PriceCents, item.UnitPriceCents,
            product.PriceCents != item.UnitPriceCents, purchasable ? product.PriceCents * item.Quantity : 0, product.QuantityAvailable, purchasable);
    }
}
