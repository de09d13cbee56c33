using SbbCommerce.Api.Modules.Cart.Carts;
using SbbCommerce.Api.Modules.Cart.Ownership;
using SbbCommerce.Api.Modules.Cart.Pricing;

namespace SbbCommerce.Api.Modules.Cart.View;

internal static class GetCartEndpoint
{
    public static RouteHandlerBuilder MapGetCart(this RouteGroupBuilder cart) =>
        cart.MapGet("", GetAsync).WithName("GetCart")
            .WithSummary("The current cart with lines at current prices and totals; an empty cart when there is none.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    /// <summary>Prices are recomputed for the answer (a price may have moved) without writing anything.</summary>
    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> GetAsync(
        HttpContext httpContext, ICurrentUser currentUser, CartStore store, CartPricer pricer, CancellationToken cancellationToken)
    {
        if (CartOwner.From(httpContext, currentUser) is not { } owner)
        {
            return Problems.OwnerRequired();
        }

        return await store.ReadActiveAsync(owner, cancellationToken) is (var cart, var items)
            ? TypedResults.Ok(await pricer.PriceAsync(cart, items, cancellationToken))
            : TypedResults.Ok(CartResponse.Empty);
    }
}
