using SbbCommerce.Api.Modules.Identity.Registration;

namespace SbbCommerce.Api.Modules.Identity.OAuth;

internal sealed class OAuthSignInRequestValidator : AbstractValidator<OAuthSignInRequest>
{
    public OAuthSignInRequestValidator()
    {
        RuleFor(r => r.IdToken).NotEmpty().MaximumLength(16_384);
        RuleFor(r => r.Nonce).MaximumLength(512);
        RuleFor(r => r.FirstName).MaximumLength(100);
        RuleFor(r => r.LastName).MaximumLength(100);
        this.RuleForAttribution();
    }
}
