namespace SbbCommerce.Api.Modules.Identity.EmailVerification.VerifyEmail;

internal sealed class VerifyEmailRequestValidator : AbstractValidator<VerifyEmailRequest>
{
    public VerifyEmailRequestValidator() => RuleFor(r => r.Token).NotEmpty().MaximumLength(200);
}
