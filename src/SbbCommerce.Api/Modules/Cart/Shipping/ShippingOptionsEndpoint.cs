using SbbCommerce.Api.Modules.Cart.Carts;
using SbbCommerce.Api.Modules.Cart.Contracts;
using SbbCommerce.Api.Modules.Cart.Ownership;
using SbbCommerce.Api.Modules.Cart.Pricing;
using SbbCommerce.Api.Modules.Fulfillment.Contracts;

namespace SbbCommerce.Api.Modules.Cart.Shipping;

/// <summary>The service levels the current cart can ship with, and their prices.</summary>
/// <param name="WeightGrams">The cart's weight (products without a weight count 0).</param>
/// <param name="MerchandiseCents">Subtotal after discounts (the free-shipping threshold is judged on it).</param>
/// <param name="Options">Service levels, cheapest first; checkout takes one as <c>shippingServiceLevel</c> (default: the first).</param>
internal sealed record ShippingOptionsResponse(int WeightGrams, int MerchandiseCents, IReadOnlyList<ShippingOption> Options);

internal static class ShippingOptionsEndpoint
{
    public static RouteHandlerBuilder MapShippingOptions(this RouteGroupBuilder cart) =>
        cart.MapGet("/shipping-options", HandleAsync).WithName("CartShippingOptions")
            .WithSummary("Service levels with priceCents for the current cart (configured rate table by weight band, free above the threshold).")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<Ok<ShippingOptionsResponse>, ProblemHttpResult>> HandleAsync(
        HttpContext httpContext, ICurrentUser currentUser, CartStore store, CartPricer pricer, IShippingRates rates, CancellationToken cancellationToken)
    {
        if (CartOwner.From(httpContext, currentUser) is not { } owner)
        {
            return Problems.OwnerRequired();
        }

        if (await store.ReadActiveAsync(owner, cancellationToken) is not (var cart, var items))
        {
            return TypedResults.Ok(new ShippingOptionsResponse(0, 0, rates.Quote(0, 0)));
        }

        var (priced, products) = await pricer.PriceWithProductsAsync(cart, items, cancellationToken);
        var weight = ParcelWeight.Of(items.Select(i => (i.ProductId, i.Quantity)), products);
        var merchandise = priced.SubtotalCents - priced.DiscountCents;
        return TypedResults.Ok(new ShippingOptionsResponse(weight, merchandise, rates.Quote(weight, merchandise)));
    }
}
