using SbbCommerce.Api.Modules.Cart.Discounts.ApplyDiscount;

namespace SbbCommerce.UnitTests.Cart.Discounts.ApplyDiscount;

public sealed class ApplyDiscountRequestValidatorTests
{
    private readonly ApplyDiscountRequestValidator _validator = new();

    [Fact]
    public void Given_a_code_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(new ApplyDiscountRequest("WELCOME10")).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void Given_an_empty_or_overlong_code_When_validating_Then_it_is_refused(int length)
    {
        _validator.TestValidate(new ApplyDiscountRequest(new string('C', length))).ShouldHaveValidationErrorFor(r => r.Code);
    }
}
