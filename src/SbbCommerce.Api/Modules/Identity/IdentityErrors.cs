namespace SbbCommerce.Api.Modules.Identity;

/// <summary>The Identity codes of API.md (plus the few it leaves to us, noted).</summary>
internal static class IdentityErrors
{
    public const string EmailTaken = "email_taken";
    public const string PhoneTaken = "phone_taken"; // not in API.md: the phone is unique too
    public const string InvalidCredentials = "invalid_credentials";
    public const string AccountLocked = "account_locked";
    public const string AccountSuspended = "account_suspended";
    public const string RefreshTokenReused = "refresh_token_reused";
    public const string InvalidRefreshToken = "invalid_refresh_token"; // not in API.md: unknown, expired or revoked
    public const string InvalidToken = "invalid_token"; // not in API.md: unknown, used or expired email/reset token
    public const string Underage = "underage";
    public const string UserNotFound = "user_not_found";
    public const string AddressNotFound = "address_not_found";
    public const string SessionNotFound = "session_not_found";
    public const string LastSuperAdmin = "last_super_admin";
    public const string RoleChangeForbidden = "role_change_forbidden";
    public const string InvalidIdToken = "invalid_id_token";
    public const string AccountLinkRequired = "account_link_required";
    public const string ProviderNotConfigured = "provider_not_configured";
    public const string LastSignInMethod = "last_sign_in_method";
    public const string InvalidCode = "invalid_code";
    public const string ProviderAccountTaken = "provider_account_taken"; // not in API.md: the provider account is linked to another user
    public const string ProviderAlreadyLinked = "provider_already_linked"; // not in API.md: another account of that provider is linked
    public const string LinkedAccountNotFound = "linked_account_not_found"; // not in API.md: nothing of that provider linked
}
