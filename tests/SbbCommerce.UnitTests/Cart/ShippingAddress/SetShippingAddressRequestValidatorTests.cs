using SbbCommerce.Api.Modules.Cart.ShippingAddress;

namespace SbbCommerce.UnitTests.Cart.ShippingAddress;

public sealed class SetShippingAddressRequestValidatorTests
{
    private readonly SetShippingAddressRequestValidator _validator = new();

    [Fact]
    public void Given_an_address_id_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(new SetShippingAddressRequest(Guid.NewGuid())).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_an_empty_address_id_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new SetShippingAddressRequest(Guid.Empty)).ShouldHaveValidationErrorFor(r => r.AddressId);
    }
}
