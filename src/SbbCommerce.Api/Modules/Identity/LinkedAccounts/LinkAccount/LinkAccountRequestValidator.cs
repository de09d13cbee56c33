namespace SbbCommerce.Api.Modules.Identity.LinkedAccounts.LinkAccount;

internal sealed class LinkAccountRequestValidator : AbstractValidator<LinkAccountRequest>
{
    public LinkAccountRequestValidator()
    {
        RuleFor(r => r.IdToken).NotEmpty().MaximumLength(16_384);
        RuleFor(r => r.Nonce).MaximumLength(512);
    }
}
