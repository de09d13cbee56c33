using SbbCommerce.Api.Modules.Cart.Carts;
using SbbCommerce.Api.Modules.Cart.Ownership;
using SbbCommerce.Api.Modules.Cart.Pricing;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Events.Contracts;

namespace SbbCommerce.Api.Modules.Cart.Lines.UpdateItem;

internal static class UpdateCartItemEndpoint
{
    public static RouteHandlerBuilder MapUpdateCartItem(this RouteGroupBuilder cart) =>
        cart.MapPatch("/items/{productId:guid}", HandleAsync).WithName("UpdateCartItem")
            .WithSummary("Set a line's quantity (>= 1).")
            .WithValidation<UpdateCartItemRequest>()
            .ProducesErrors(StatusCodes.Status404NotFound, CartErrors.CartItemNotFound)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, CartErrors.InsufficientStock, CartErrors.ProductUnavailable);

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> HandleAsync(
        Guid productId, UpdateCartItemRequest request, HttpContext httpContext, ICurrentUser currentUser, CartEditor editor,
        IProductCatalog catalog, IEventRecorder events, IOptions<CartOptions> options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        return await editor.EditAsync(CartOwner.From(httpContext, currentUser), createIfMissing: false, async (owner, cart, items) =>
        {
            var line = items.SingleOrDefault(i => i.ProductId == productId);
            if (line is null)
            {
                return Problems.LineNotFound();
            }

            if (await LineRules.PurchasableAsync(catalog, productId, cancellationToken) is not { } product)
            {
                return Problems.Unavailable();
            }

            if (request.Quantity > line.Quantity && LineRules.CheckQuantity(product, request.Quantity, options.Value) is { } problem)
            {
                return problem;
            }

            events.Record(LineRules.Event("cart.update_quantity", owner, cart.Id, productId, new { From = line.Quantity, To = request.Quantity }).WithRequest(RequestContext.From(httpContext)));
            LineRules.Set(line, request.Quantity, product, timeProvider.GetDatabaseNow());
            return TypedResults.Ok();
        }, cancellationToken);
    }
}
