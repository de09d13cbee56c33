using SbbCommerce.Api.Modules.Cart;
using SbbCommerce.Api.Modules.Cart.Lines.AddItem;

namespace SbbCommerce.UnitTests.Cart.Lines.AddItem;

public sealed class AddCartItemRequestValidatorTests
{
    private readonly AddCartItemRequestValidator _validator = new(Options.Create(new CartOptions { MaxQuantityPerLine = 10 }));

    [Fact]
    public void Given_a_product_and_the_per_line_cap_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(new AddCartItemRequest(Guid.NewGuid(), 10)).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Given_a_quantity_outside_one_to_the_cap_When_validating_Then_it_is_refused(int quantity)
    {
        _validator.TestValidate(new AddCartItemRequest(Guid.NewGuid(), quantity)).ShouldHaveValidationErrorFor(r => r.Quantity);
    }

    [Fact]
    public void Given_an_empty_product_id_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new AddCartItemRequest(Guid.Empty, 1)).ShouldHaveValidationErrorFor(r => r.ProductId);
    }
}
