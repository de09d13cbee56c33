using SbbCommerce.Api.Modules.Identity.Refresh;

namespace SbbCommerce.UnitTests.Identity.Refresh;

public sealed class RefreshRequestValidatorTests
{
    private readonly RefreshRequestValidator _validator = new();

    [Fact]
    public void Given_a_token_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(new RefreshRequest("a-refresh-token")).ShouldNotHaveAnyValidationErrors();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public void Given_an_empty_or_overlong_token_When_validating_Then_it_is_refused(int length)
    {
        _validator.TestValidate(new RefreshRequest(new string('t', length))).ShouldHaveValidationErrorFor(r => r.RefreshToken);
    }
}
