using SbbCommerce.Api.Modules.Cart.Carts;
using SbbCommerce.Api.Modules.Cart.Ownership;
using SbbCommerce.Api.Modules.Cart.Pricing;

namespace SbbCommerce.Api.Modules.Cart.Discounts.RemoveDiscount;

internal static class RemoveDiscountEndpoint
{
    public static RouteHandlerBuilder MapRemoveCartDiscount(this RouteGroupBuilder cart) =>
        cart.MapDelete("/discount", HandleAsync).WithName("RemoveCartDiscount")
            .WithSummary("Remove the discount code.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> HandleAsync(
        HttpContext httpContext, ICurrentUser currentUser, CartEditor editor, CancellationToken cancellationToken)
    {
        return await editor.EditAsync(CartOwner.From(httpContext, currentUser), createIfMissing: true, (_, cart, _) =>
        {
            cart.DiscountId = null;
            cart.DiscountCode = null;
            cart.DiscountRemovedCode = null;
            cart.DiscountRemovedReason = null;
            return TypedResults.Ok();
        }, cancellationToken);
    }
}
