using SbbCommerce.Api.Modules.Identity.Phone.SendPhoneCode;

namespace SbbCommerce.UnitTests.Identity.Phone.SendPhoneCode;

public sealed class PhoneVerificationRequestValidatorTests
{
    private readonly PhoneVerificationRequestValidator _validator = new();

    [Fact]
    public void Given_an_e164_number_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(new PhoneVerificationRequest("+14155550123")).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData("4155550123")]
    [InlineData("+0155550123")]
    [InlineData("+1 415 555 0123")]
    [InlineData("")]
    public void Given_a_number_not_in_e164_form_When_validating_Then_it_is_refused(string phone)
    {
        _validator.TestValidate(new PhoneVerificationRequest(phone)).ShouldHaveValidationErrorFor(r => r.Phone);
    }
}
