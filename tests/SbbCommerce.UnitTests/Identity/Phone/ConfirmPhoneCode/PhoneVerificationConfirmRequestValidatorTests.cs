using SbbCommerce.Api.Modules.Identity.Phone.ConfirmPhoneCode;

namespace SbbCommerce.UnitTests.Identity.Phone.ConfirmPhoneCode;

public sealed class PhoneVerificationConfirmRequestValidatorTests
{
    private readonly PhoneVerificationConfirmRequestValidator _validator = new();

    [Fact]
    public void Given_six_digits_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(new PhoneVerificationConfirmRequest("012345")).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345a")]
    public void Given_a_code_that_is_not_six_digits_When_validating_Then_it_is_refused(string code)
    {
        _validator.TestValidate(new PhoneVerificationConfirmRequest(code)).ShouldHaveValidationErrorFor(r => r.Code);
    }
}
