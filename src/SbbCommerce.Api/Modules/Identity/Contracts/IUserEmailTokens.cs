namespace SbbCommerce.Api.Modules.Identity.Contracts;

/// <summary>
/// Rebuilds the token of an email-verification or password-reset link from the token row id an outbox message
/// carries (the outbox never holds a usable token). For the mail sender only.
/// </summary>
public interface IUserEmailTokens
{
    string EmailVerificationToken(Guid tokenId);

    string PasswordResetToken(Guid tokenId);
}
