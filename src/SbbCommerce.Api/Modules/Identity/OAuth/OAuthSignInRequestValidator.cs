namespace SbbCommerce.Api.Modules.Identity.OAuth;

internal sealed class OAuthSignInRequestValidator : AbstractValidator<OAuthSignInRequest>
{
    public OAuthSignInRequestValidator()
    {
        RuleFor(r => r.IdToken).NotEmpty().MaximumLength(16_384);
        RuleFor(r => r.Nonce).MaximumLength(512);
        RuleFor(r => r.FirstName).MaximumLength(100);
        RuleFor(r => r.LastName).MaximumLength(100);
        RuleFor(r => r.UtmSource).MaximumLength(100);
        RuleFor(r => r.UtmMedium).MaximumLength(100);
        RuleFor(r => r.UtmCampaign).MaximumLength(100);
        RuleFor(r => r.UtmTerm).MaximumLength(100);
        RuleFor(r => r.UtmContent).MaximumLength(100);
        RuleFor(r => r.ReferrerUrl).MaximumLength(2000);
        RuleFor(r => r.LandingPage).MaximumLength(2000);
    }
}
