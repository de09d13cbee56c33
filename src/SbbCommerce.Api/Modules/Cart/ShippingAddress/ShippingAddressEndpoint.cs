using SbbCommerce.Api.Modules.Cart.Carts;
using SbbCommerce.Api.Modules.Cart.Ownership;
using SbbCommerce.Api.Modules.Cart.Pricing;
using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Cart.ShippingAddress;

internal static class ShippingAddressEndpoint
{
    public static RouteHandlerBuilder MapCartShippingAddress(this RouteGroupBuilder cart) =>
        cart.MapPut("/shipping-address", SetAsync).WithName("SetCartShippingAddress")
            .WithSummary("Choose the shipping address of a user cart (taxes follow its state).")
            .RequireAuthorization(Policies.User)
            .WithValidation<SetShippingAddressRequest>()
            .ProducesErrors(StatusCodes.Status404NotFound, CartErrors.AddressNotFound);

    private static async Task<Results<Ok<CartResponse>, ProblemHttpResult>> SetAsync(
        SetShippingAddressRequest request, HttpContext httpContext, ICurrentUser currentUser, CartEditor editor, ICustomerDirectory customers,
        CancellationToken cancellationToken)
    {
        var address = await customers.GetAddressAsync(currentUser.UserId!.Value, request.AddressId, cancellationToken);
        if (address is null)
        {
            return ApiProblems.NotFound(CartErrors.AddressNotFound, "Address not found.");
        }

        return await editor.EditAsync(CartOwner.From(httpContext, currentUser), createIfMissing: true, (_, cart, _) =>
        {
            cart.ShippingAddressId = address.Id;
            return TypedResults.Ok();
        }, cancellationToken);
    }
}
