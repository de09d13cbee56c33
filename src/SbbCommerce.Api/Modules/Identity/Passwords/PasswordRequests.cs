using FluentValidation;

namespace SbbCommerce.Api.Modules.Identity.Passwords;

/// <summary>Ask for a password-reset message.</summary>
/// <param name="Email">The account's email.</param>
internal sealed record ForgotPasswordRequest(string Email);

/// <summary>Set a new password with the token of the reset message.</summary>
/// <param name="Token">The token of the reset message (single use, 30 minutes).</param>
/// <param name="NewPassword">At least 10 characters, not all of one class.</param>
internal sealed record ResetPasswordRequest(string Token, string NewPassword);

internal sealed class ForgotPasswordRequestValidator : AbstractValidator<ForgotPasswordRequest>
{
    public ForgotPasswordRequestValidator() => RuleFor(r => r.Email).NotEmpty().MaximumLength(255);
}

internal sealed class ResetPasswordRequestValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordRequestValidator()
    {
        RuleFor(r => r.Token).NotEmpty().MaximumLength(200);
        RuleFor(r => r.NewPassword).StrongPassword();
    }
}
