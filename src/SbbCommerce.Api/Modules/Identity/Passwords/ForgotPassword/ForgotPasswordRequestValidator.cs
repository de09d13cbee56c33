namespace SbbCommerce.Api.Modules.Identity.Passwords.ForgotPassword;

internal sealed class ForgotPasswordRequestValidator : AbstractValidator<ForgotPasswordRequest>
{
    public ForgotPasswordRequestValidator() => RuleFor(r => r.Email).NotEmpty().MaximumLength(255);
}
