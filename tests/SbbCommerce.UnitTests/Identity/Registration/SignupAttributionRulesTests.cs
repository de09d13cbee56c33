using SbbCommerce.Api.Modules.Identity.OAuth;
using SbbCommerce.Api.Modules.Identity.Registration;

namespace SbbCommerce.UnitTests.Identity.Registration;

/// <summary>Both sign-up requests carry the attribution rules as their own (the OpenAPI schema reads them from there).</summary>
public sealed class SignupAttributionRulesTests
{
    private static readonly RegisterRequest Registration = new(
        "ada@example.com", "Correct-horse-9", "Ada", "Lovelace", null, null, false, false, null, null, null, null, null, null, null);

    private static readonly OAuthSignInRequest ProviderSignIn = new("header.payload.signature", null, null, null, false, false, null, null, null, null, null, null, null);

    [Fact]
    public void Given_attribution_within_the_limits_When_either_request_is_validated_Then_it_is_accepted()
    {
        new RegisterRequestValidator(TimeProvider.System).TestValidate(Registration with { UtmSource = new string('s', 100), ReferrerUrl = new string('r', 2000) })
            .ShouldNotHaveAnyValidationErrors();
        new OAuthSignInRequestValidator().TestValidate(ProviderSignIn with { UtmSource = new string('s', 100), ReferrerUrl = new string('r', 2000) })
            .ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_attribution_over_the_limits_When_either_request_is_validated_Then_each_field_is_named()
    {
        var registration = new RegisterRequestValidator(TimeProvider.System).TestValidate(Registration with
        {
            UtmSource = new string('s', 101), UtmMedium = new string('m', 101), UtmCampaign = new string('c', 101),
            UtmTerm = new string('t', 101), UtmContent = new string('x', 101), ReferrerUrl = new string('r', 2001), LandingPage = new string('p', 2001),
        });
        var providerSignIn = new OAuthSignInRequestValidator().TestValidate(ProviderSignIn with { UtmTerm = new string('t', 101) });

        registration.ShouldHaveValidationErrorFor(r => r.UtmSource);
        registration.ShouldHaveValidationErrorFor(r => r.UtmMedium);
        registration.ShouldHaveValidationErrorFor(r => r.UtmCampaign);
        registration.ShouldHaveValidationErrorFor(r => r.UtmTerm);
        registration.ShouldHaveValidationErrorFor(r => r.UtmContent);
        registration.ShouldHaveValidationErrorFor(r => r.ReferrerUrl);
        registration.ShouldHaveValidationErrorFor(r => r.LandingPage);
        providerSignIn.ShouldHaveValidationErrorFor(r => r.UtmTerm);
    }
}
