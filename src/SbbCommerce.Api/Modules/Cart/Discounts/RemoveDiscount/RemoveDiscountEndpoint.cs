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
        if (CartOwner.From(httpContext, currentUser) is not { } owner)
        {
            return Problems.OwnerRequired();
        }

        return await editor.EditAsync(owner, createIfMissing: true, (cart, _) =>
        {
            cart.DiscountId = null;
            cart.DiscountCode = null;
            cart.DiscountRemovedCode = null;
            cart.DiscountRemovedReason = null;
            return Task.FromResult<ProblemHttpResult?>(null);
        }, cancellationToken);
    }
}
