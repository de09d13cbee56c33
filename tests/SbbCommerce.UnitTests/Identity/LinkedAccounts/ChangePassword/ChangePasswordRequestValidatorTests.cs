using SbbCommerce.Api.Modules.Identity.LinkedAccounts.ChangePassword;

namespace SbbCommerce.UnitTests.Identity.LinkedAccounts.ChangePassword;

public sealed class ChangePasswordRequestValidatorTests
{
    private readonly ChangePasswordRequestValidator _validator = new();

    [Fact]
    public void Given_a_strong_password_and_no_current_one_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(new ChangePasswordRequest("Sturdy-Password-42", null)).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_a_short_new_password_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new ChangePasswordRequest("Abc-123", "Old-Password-1")).ShouldHaveValidationErrorFor(r => r.NewPassword);
    }

    [Fact]
    public void Given_a_current_password_over_the_maximum_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new ChangePasswordRequest("Sturdy-Password-42", new string('x', 257)))
            .ShouldHaveValidationErrorFor(r => r.CurrentPassword);
    }
}
