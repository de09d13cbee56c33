namespace SbbCommerce.Api.Modules.Cart.ShippingAddress;

/// <summary>One of the user's addresses (GET /me/addresses).</summary>
/// <param name="AddressId">The address id.</param>
internal sealed record SetShippingAddressRequest(Guid AddressId);
