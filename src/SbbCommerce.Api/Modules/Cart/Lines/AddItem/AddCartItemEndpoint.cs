using SbbCommerce.Api.Modules.Cart.Carts;
using SbbCommerce.Api.Modules.Cart.Data;
using SbbCommerce.Api.Modules.Cart.Ownership;
using SbbCommerce.Api.Modules.Cart.Pricing;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Events.Contracts;

namespace SbbCommerce.Api.Modules.Cart.Lines.AddItem;

internal static class AddCartItemEndpoint
{
    public static RouteHandlerBuilder MapAddCartItem(this RouteGroupBuilder cart) =>
        cart.MapPost("/items", HandleAsync).WithName("AddCartItem")
            .WithSummary("Add units of a product (merged into its line). 422 insufficient_stock or product_unavailable.")
            .WithValidation<AddCartItemRequest>()
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, CartErrors.InsufficientStock, CartErrors.ProductUnavailable);

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> HandleAsync(
        AddCartItemRequest request, HttpContext httpContext, ICurrentUser currentUser, CartEditor editor, IProductCatalog catalog,
        IEventRecorder events, SbbDbContext db, IOptions<CartOptions> options, TimeProvider timeProvider, CartPricer pricer,
        CancellationToken cancellationToken)
    {
        return await editor.EditAsync(CartOwner.From(httpContext, currentUser), createIfMissing: true, async (owner, cart, items) =>
        {
            if (await LineRules.PurchasableAsync(catalog, request.ProductId, cancellationToken) is not { } product)
            {
                return Problems.Unavailable();
            }

            pricer.Remember(product);

            var line = items.SingleOrDefault(i => i.ProductId == request.ProductId);
            var quantity = (line?.Quantity ?? 0) + request.Quantity;
            if (LineRules.CheckQuantity(product, quantity, options.Value) is { } problem)
            {
                return problem;
            }

            var now = timeProvider.GetDatabaseNow();
            if (line is null)
            {
                line = new CartItem { Id = Guid.CreateVersion7(), CartId = cart.Id, ProductId = product.Id, CreatedAt = now };
                db.Set<CartItem>().Add(line);
                items.Add(line);
            }

            LineRules.Set(line, quantity, product, now);
            events.Record(LineRules.Event("cart.add", owner, cart.Id, product.Id,
                new { request.Quantity, LineQuantity = quantity, product.PriceCents }).WithRequest(RequestContext.From(httpContext)));
            return TypedResults.Ok();
        }, cancellationToken);
    }
}
