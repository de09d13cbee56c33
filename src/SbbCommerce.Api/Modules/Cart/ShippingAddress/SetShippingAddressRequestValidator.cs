namespace SbbCommerce.Api.Modules.Cart.ShippingAddress;

internal sealed class SetShippingAddressRequestValidator : AbstractValidator<SetShippingAddressRequest>
{
    public SetShippingAddressRequestValidator() => RuleFor(r => r.AddressId).NotEmpty();
}
