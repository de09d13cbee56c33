using SbbCommerce.Api.Modules.Identity.Passwords.ForgotPassword;

namespace SbbCommerce.UnitTests.Identity.Passwords.ForgotPassword;

public sealed class ForgotPasswordRequestValidatorTests
{
    private readonly ForgotPasswordRequestValidator _validator = new();

    [Fact]
    public void Given_an_email_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(new ForgotPasswordRequest("ada@example.test")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_no_email_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new ForgotPasswordRequest("")).ShouldHaveValidationErrorFor(r => r.Email);
    }
}
