using SbbCommerce.Api.Modules.Cart.Admin.CreateDiscount;
using SbbCommerce.Api.Modules.Cart.Admin.DeactivateDiscount;
using SbbCommerce.Api.Modules.Cart.Admin.GetDiscount;
using SbbCommerce.Api.Modules.Cart.Admin.ListDiscounts;
using SbbCommerce.Api.Modules.Cart.Admin.UpdateDiscount;
using SbbCommerce.Api.Modules.Cart.Discounts.ApplyDiscount;
using SbbCommerce.Api.Modules.Cart.Discounts.RemoveDiscount;
using SbbCommerce.Api.Modules.Cart.Lines.AddItem;
using SbbCommerce.Api.Modules.Cart.Lines.RemoveItem;
using SbbCommerce.Api.Modules.Cart.Lines.UpdateItem;
using SbbCommerce.Api.Modules.Cart.ShippingAddress;
using SbbCommerce.Api.Modules.Cart.Shipping;
using SbbCommerce.Api.Modules.Cart.View;

namespace SbbCommerce.Api.Modules.Cart;

internal static class CartEndpoints
{
    /// <summary>Maps /cart (the bearer user's or the X-Anonymous-Id visitor's cart) and /admin/discounts.</summary>
    public static IEndpointRouteBuilder MapCartEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var cart = endpoints.MapGroup("/api/v1/cart").WithTags("Cart").ForUserOrAnonymousVisitor()
            .ProducesErrors(StatusCodes.Status400BadRequest, CartErrors.CartOwnerRequired);
        cart.MapGetCart();
        cart.MapAddCartItem();
        cart.MapUpdateCartItem();
        cart.MapRemoveCartItem();
        cart.MapApplyCartDiscount();
        cart.MapRemoveCartDiscount();
        cart.MapCartShippingAddress();
        cart.MapShippingOptions();
        var discounts = endpoints.MapGroup("/api/v1/admin/discounts").WithTags("Discounts (admin)")
            .RequireAuthorization(Policies.Admin);
        discounts.MapListDiscounts();
        discounts.MapGetDiscount();
        discounts.MapCreateDiscount();
        discounts.MapUpdateDiscount();
        discounts.MapDeactivateDiscount();
        return endpoints;
    }
}
