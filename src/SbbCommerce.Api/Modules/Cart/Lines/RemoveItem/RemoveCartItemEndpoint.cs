using SbbCommerce.Api.Modules.Cart.Carts;
using SbbCommerce.Api.Modules.Cart.Data;
using SbbCommerce.Api.Modules.Cart.Ownership;
using SbbCommerce.Api.Modules.Cart.Pricing;
using SbbCommerce.Api.Modules.Events.Contracts;

namespace SbbCommerce.Api.Modules.Cart.Lines.RemoveItem;

internal static class RemoveCartItemEndpoint
{
    public static RouteHandlerBuilder MapRemoveCartItem(this RouteGroupBuilder cart) =>
        cart.MapDelete("/items/{productId:guid}", HandleAsync).WithName("RemoveCartItem")
            .WithSummary("Remove a line.")
            .ProducesErrors(StatusCodes.Status404NotFound, CartErrors.CartItemNotFound);

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> HandleAsync(
        Guid productId, HttpContext httpContext, ICurrentUser currentUser, CartEditor editor, SbbDbContext db, IEventRecorder events,
        CancellationToken cancellationToken)
    {
        return await editor.EditAsync(CartOwner.From(httpContext, currentUser), createIfMissing: false, (owner, cart, items) =>
        {
            var line = items.SingleOrDefault(i => i.ProductId == productId);
            if (line is null)
            {
                return Problems.LineNotFound();
            }

            db.Set<CartItem>().Remove(line);
            items.Remove(line);
            events.Record(LineRules.Event("cart.remove", owner, cart.Id, productId, new { line.Quantity }).WithRequest(RequestContext.From(httpContext)));
            return TypedResults.Ok();
        }, cancellationToken);
    }
}
