using SbbCommerce.Api.Modules.Identity.Login;

namespace SbbCommerce.UnitTests.Identity.Login;

public sealed class LoginRequestValidatorTests
{
    private readonly LoginRequestValidator _validator = new();

    [Fact]
    public void Given_an_email_and_a_password_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(new LoginRequest("ada@example.test", "whatever")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_no_password_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new LoginRequest("ada@example.test", "")).ShouldHaveValidationErrorFor(r => r.Password);
    }

    [Fact]
    public void Given_an_email_longer_than_255_characters_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new LoginRequest(new string('a', 250) + "@x.test", "whatever")).ShouldHaveValidationErrorFor(r => r.Email);
    }
}
