using SbbCommerce.Api.Modules.Cart;
using SbbCommerce.Api.Modules.Cart.Lines.UpdateItem;

namespace SbbCommerce.UnitTests.Cart.Lines.UpdateItem;

public sealed class UpdateCartItemRequestValidatorTests
{
    private readonly UpdateCartItemRequestValidator _validator = new(Options.Create(new CartOptions { MaxQuantityPerLine = 10 }));

    [Fact]
    public void Given_one_unit_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(new UpdateCartItemRequest(1)).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Given_a_quantity_outside_one_to_the_cap_When_validating_Then_it_is_refused(int quantity)
    {
        _validator.TestValidate(new UpdateCartItemRequest(quantity)).ShouldHaveValidationErrorFor(r => r.Quantity);
    }
}
