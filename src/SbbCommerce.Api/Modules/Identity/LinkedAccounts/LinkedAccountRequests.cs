using FluentValidation;
using SbbCommerce.Api.Modules.Identity.Passwords;

namespace SbbCommerce.Api.Modules.Identity.LinkedAccounts;

/// <summary>A provider account linked to the user.</summary>
/// <param name="Provider">google or apple.</param>
/// <param name="Email">The provider's email when it was linked.</param>
/// <param name="LinkedAt">When it was linked.</param>
internal sealed record LinkedAccountResponse(string Provider, string? Email, DateTimeOffset LinkedAt);

/// <summary>An ID token of the provider account to link.</summary>
/// <param name="IdToken">The provider's ID token.</param>
/// <param name="Nonce">The nonce given to the provider, if any.</param>
internal sealed record LinkAccountRequest(string IdToken, string? Nonce);

/// <summary>A new password; the current one is required when the account has one.</summary>
/// <param name="NewPassword">At least 10 characters, not all of one class.</param>
/// <param name="CurrentPassword">The current password (accounts created with Google or Apple have none).</param>
internal sealed record ChangePasswordRequest(string NewPassword, string? CurrentPassword);

internal sealed class LinkAccountRequestValidator : AbstractValidator<LinkAccountRequest>
{
    public LinkAccountRequestValidator()
    {
        RuleFor(r => r.IdToken).NotEmpty().MaximumLength(16_384);
        RuleFor(r => r.Nonce).MaximumLength(512);
    }
}

internal sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator()
    {
        RuleFor(r => r.NewPassword).StrongPassword();
        RuleFor(r => r.CurrentPassword).MaximumLength(PasswordRules.MaximumLength);
    }
}
