using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.Http;
using SbbCommerce.Api.Common.OpenApi;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Validation;
using SbbCommerce.Api.Modules.Cart.Carts;
using SbbCommerce.Api.Modules.Cart.Data;
using SbbCommerce.Api.Modules.Cart.Ownership;
using SbbCommerce.Api.Modules.Cart.Pricing;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Events.Contracts;

namespace SbbCommerce.Api.Modules.Cart.Lines;

/// <summary>
/// Cart lines. Only active, published products; never more units than are on the shelf now. The cart reserves
/// nothing: stock is reserved at checkout, so a burst of carts cannot lock the shelf.
/// </summary>
internal static class LineEndpoints
{
    public static RouteGroupBuilder MapCartLines(this RouteGroupBuilder cart)
    {
        cart.MapPost("/items", AddAsync).WithName("AddCartItem")
            .WithSummary("Add units of a product (merged into its line). 422 insufficient_stock or product_unavailable.")
            .WithValidation<AddCartItemRequest>()
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, CartErrors.InsufficientStock, CartErrors.ProductUnavailable);
        cart.MapPatch("/items/{productId:guid}", UpdateAsync).WithName("UpdateCartItem")
            .WithSummary("Set a line's quantity (>= 1).")
            .WithValidation<UpdateCartItemRequest>()
            .ProducesErrors(StatusCodes.Status404NotFound, CartErrors.CartItemNotFound)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, CartErrors.InsufficientStock, CartErrors.ProductUnavailable);
        cart.MapDelete("/items/{productId:guid}", RemoveAsync).WithName("RemoveCartItem")
            .WithSummary("Remove a line.")
            .ProducesErrors(StatusCodes.Status404NotFound, CartErrors.CartItemNotFound);
        return cart;
    }

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> AddAsync(
        AddCartItemRequest request, HttpContext httpContext, ICurrentUser currentUser, CartEditor editor, IProductCatalog catalog,
        IEventRecorder events, SbbDbContext db, IOptions<CartOptions> options, TimeProvider timeProvider, CartPricer pricer,
        CancellationToken cancellationToken)
    {
        if (CartOwner.From(httpContext, currentUser) is not { } owner)
        {
            return Problems.OwnerRequired();
        }

        return await editor.EditAsync(owner, createIfMissing: true, async (cart, items) =>
        {
            var product = (await catalog.GetProductsAsync([request.ProductId], cancellationToken)).SingleOrDefault();
            if (product is not { IsPurchasable: true })
            {
                return Problems.Unavailable();
            }

            pricer.Remember(product);

            var line = items.SingleOrDefault(i => i.ProductId == request.ProductId);
            var quantity = (line?.Quantity ?? 0) + request.Quantity;
            if (CheckQuantity(product, quantity, options.Value) is { } problem)
            {
                return problem;
            }

            var now = timeProvider.GetUtcNow();
            if (line is null)
            {
                line = new CartItem { Id = Guid.CreateVersion7(), CartId = cart.Id, ProductId = product.Id, CreatedAt = now };
                db.Set<CartItem>().Add(line);
                items.Add(line);
            }

            line.Quantity = quantity;
            line.UnitPriceCents = product.PriceCents;
            line.UpdatedAt = now;
            events.Record(Event("cart.add", owner, cart.Id, product.Id, new { request.Quantity, LineQuantity = quantity, product.PriceCents }).WithRequest(RequestContext.From(httpContext)));
            return null;
        }, cancellationToken);
    }

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> UpdateAsync(
        Guid productId, UpdateCartItemRequest request, HttpContext httpContext, ICurrentUser currentUser, CartEditor editor,
        IProductCatalog catalog, IEventRecorder events, IOptions<CartOptions> options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (CartOwner.From(httpContext, currentUser) is not { } owner)
        {
            return Problems.OwnerRequired();
        }

        return await editor.EditAsync(owner, createIfMissing: false, async (cart, items) =>
        {
            var line = items.SingleOrDefault(i => i.ProductId == productId);
            if (line is null)
            {
                return Problems.LineNotFound();
            }

            var product = (await catalog.GetProductsAsync([productId], cancellationToken)).SingleOrDefault();
            if (product is not { IsPurchasable: true })
            {
                return Problems.Unavailable();
            }

            if (request.Quantity > line.Quantity && CheckQuantity(product, request.Quantity, options.Value) is { } problem)
            {
                return problem;
            }

            events.Record(Event("cart.update_quantity", owner, cart.Id, productId, new { From = line.Quantity, To = request.Quantity }).WithRequest(RequestContext.From(httpContext)));
            line.Quantity = request.Quantity;
            line.UnitPriceCents = product.PriceCents;
            line.UpdatedAt = timeProvider.GetUtcNow();
            return null;
        }, cancellationToken);
    }

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> RemoveAsync(
        Guid productId, HttpContext httpContext, ICurrentUser currentUser, CartEditor editor, SbbDbContext db, IEventRecorder events,
        CancellationToken cancellationToken)
    {
        if (CartOwner.From(httpContext, currentUser) is not { } owner)
        {
            return Problems.OwnerRequired();
        }

        return await editor.EditAsync(owner, createIfMissing: false, (cart, items) =>
        {
            var line = items.SingleOrDefault(i => i.ProductId == productId);
            if (line is null)
            {
                return Task.FromResult<ProblemHttpResult?>(Problems.LineNotFound());
            }

            db.Set<CartItem>().Remove(line);
            items.Remove(line);
            events.Record(Event("cart.remove", owner, cart.Id, productId, new { line.Quantity }).WithRequest(RequestContext.From(httpContext)));
            return Task.FromResult<ProblemHttpResult?>(null);
        }, cancellationToken);
    }

    /// <summary>
    /// The line may hold at most what is on the shelf now, and never more than the per-line cap (the cap is
    /// answered like a shortage: the buyer can have that many, no more).
    /// </summary>
    private static ProblemHttpResult? CheckQuantity(ProductSnapshot product, int quantity, CartOptions options)
    {
        var available = product.TrackInventory ? Math.Max(product.QuantityAvailable ?? 0, 0) : int.MaxValue;
        var allowed = Math.Min(available, options.MaxQuantityPerLine);
        return quantity > allowed ? Problems.InsufficientStock(product.Id, quantity, allowed) : null;
    }

    private static ServerEvent Event(string name, CartOwner owner, Guid cartId, Guid productId, object properties) => new(name)
    {
        UserId = owner.UserId,
        AnonymousId = owner.AnonymousId,
        CartId = cartId,
        ProductId = productId,
        Properties = properties,
    };
}
