namespace SbbCommerce.Api.Modules.Identity.Login;

internal sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(255);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(Passwords.PasswordRules.MaximumLength);
    }
}
