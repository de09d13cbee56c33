namespace SbbCommerce.Api.Modules.Identity.Passwords.ResetPassword;

/// <summary>Set a new password with the token of the reset message.</summary>
/// <param name="Token">The token of the reset message (single use, 30 minutes).</param>
/// <param name="NewPassword">At least 10 characters, not all of one class.</param>
internal sealed record ResetPasswordRequest(string Token, string NewPassword);
