using SbbCommerce.Api.Modules.Identity.OAuth;

namespace SbbCommerce.UnitTests.Identity.OAuth;

public sealed class OAuthSignInRequestValidatorTests
{
    private readonly OAuthSignInRequestValidator _validator = new();

    [Fact]
    public void Given_an_id_token_When_validating_Then_it_is_accepted()
    {
        _validator.TestValidate(Request("header.payload.signature")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_no_id_token_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(Request("")).ShouldHaveValidationErrorFor(r => r.IdToken);
    }

    [Fact]
    public void Given_a_landing_page_over_2000_characters_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(Request("t") with { LandingPage = new string('p', 2001) }).ShouldHaveValidationErrorFor(r => r.LandingPage);
    }

    private static OAuthSignInRequest Request(string idToken) =>
        new(idToken, null, null, null, false, false, null, null, null, null, null, null, null);
}
