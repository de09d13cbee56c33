using SbbCommerce.Api.Modules.Identity.Passwords.ResetPassword;

namespace SbbCommerce.UnitTests.Identity.Passwords.ResetPassword;

public sealed class ResetPasswordRequestValidatorTests
{
    private readonly ResetPasswordRequestValidator _validator = new();

    [Fact]
    public void Given_a_token_and_a_strong_password_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(new ResetPasswordRequest("token", "Sturdy-Password-42")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_a_password_of_one_class_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new ResetPasswordRequest("token", "alllowercaseletters")).ShouldHaveValidationErrorFor(r => r.NewPassword);
    }

    [Fact]
    public void Given_no_token_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new ResetPasswordRequest("", "Sturdy-Password-42")).ShouldHaveValidationErrorFor(r => r.Token);
    }
}
