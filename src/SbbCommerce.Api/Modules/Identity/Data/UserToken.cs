namespace SbbCommerce.Api.Modules.Identity.Data;

/// <summary>A row of <c>user_tokens</c>: a single-use email-verification or password-reset token, stored hashed.</summary>
internal sealed class UserToken
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string Purpose { get; set; }
    public required string TokenHash { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The <c>purpose</c> values of <c>user_tokens</c>.</summary>
internal static class UserTokenPurpose
{
    public const string EmailVerification = "email_verification";
    public const string PasswordReset = "password_reset";
}
