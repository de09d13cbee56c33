using SbbCommerce.Api.Modules.Identity.Passwords;

namespace SbbCommerce.Api.Modules.Identity.LinkedAccounts.ChangePassword;

internal sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator()
    {
        RuleFor(r => r.NewPassword).StrongPassword();
        RuleFor(r => r.CurrentPassword).MaximumLength(PasswordRules.MaximumLength);
    }
}
