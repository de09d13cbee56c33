using SbbCommerce.Api.Modules.Cart.Carts;
using SbbCommerce.Api.Modules.Cart.Data;
using SbbCommerce.Api.Modules.Cart.Ownership;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Events.Contracts;

namespace SbbCommerce.Api.Modules.Cart.Lines;

/// <summary>
/// What the line slices share. Only active, published products; never more units than are on the shelf now. The cart
/// reserves nothing: stock is reserved at checkout, so a burst of carts cannot lock the shelf.
/// </summary>
internal static class LineRules
{
    /// <summary>The product when it is for sale now (active and published), else null: 422 product_unavailable.</summary>
    public static async Task<ProductSnapshot?> PurchasableAsync(IProductCatalog catalog, Guid productId, CancellationToken cancellationToken) =>
        (await catalog.GetProductsAsync([productId], cancellationToken)).SingleOrDefault() is { IsPurchasable: true } product ? product : null;

    /// <summary>The line holds <paramref name="quantity"/> units at the product's current price.</summary>
    public static void Set(CartItem line, int quantity, ProductSnapshot product, DateTimeOffset now)
    {
        line.Quantity = quantity;
        line.UnitPriceCents = product.PriceCents;
        line.UpdatedAt = now;
    }

    /// <summary>
    /// The line may hold at most what is on the shelf now, and never more than the per-line cap (the cap is
    /// answered like a shortage: the buyer can have that many, no more).
    /// </summary>
    public static ProblemHttpResult? CheckQuantity(ProductSnapshot product, int quantity, CartOptions options)
    {
        var available = product.TrackInventory ? Math.Max(product.QuantityAvailable ?? 0, 0) : int.MaxValue;
        var allowed = Math.Min(available, options.MaxQuantityPerLine);
        return quantity > allowed ? Problems.InsufficientStock(product.Id, quantity, allowed) : null;
    }

    public static ServerEvent Event(string name, CartOwner owner, Guid cartId, Guid productId, object properties) => new(name)
    {
        UserId = owner.UserId,
        AnonymousId = owner.AnonymousId,
        CartId = cartId,
        ProductId = productId,
        Properties = properties,
    };
}
