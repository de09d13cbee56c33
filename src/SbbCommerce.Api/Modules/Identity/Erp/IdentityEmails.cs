namespace SbbCommerce.Api.Modules.Identity.Erp;

/// <summary>
/// Messages for the mailer (outbox destination <c>internal_email</c>). They carry the token row id, never the
/// token: the sender rebuilds the link with <see cref="Contracts.IUserEmailTokens"/>.
/// </summary>
internal static class IdentityEmails
{
    public const string EmailVerification = "user.email_verification";
    public const string PasswordReset = "user.password_reset";

    public static void Enqueue(IOutboxWriter outbox, string template, Guid userId, string email, Guid tokenId) =>
        outbox.Enqueue(OutboxDestinations.InternalEmail, template, new { To = email, UserId = userId, TokenId = tokenId }, "user", userId);
}
