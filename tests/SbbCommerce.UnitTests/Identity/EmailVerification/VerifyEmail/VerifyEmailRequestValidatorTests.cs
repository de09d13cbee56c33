using SbbCommerce.Api.Modules.Identity.EmailVerification.VerifyEmail;

namespace SbbCommerce.UnitTests.Identity.EmailVerification.VerifyEmail;

public sealed class VerifyEmailRequestValidatorTests
{
    private readonly VerifyEmailRequestValidator _validator = new();

    [Fact]
    public void Given_a_token_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(new VerifyEmailRequest("token")).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public void Given_an_empty_or_overlong_token_When_validating_Then_it_is_refused(int length)
    {
        _validator.TestValidate(new VerifyEmailRequest(new string('t', length))).ShouldHaveValidationErrorFor(r => r.Token);
    }
}
