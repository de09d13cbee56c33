namespace SbbCommerce.Api.Modules.Identity.LinkedAccounts.ChangePassword;

/// <summary>A new password; the current one is required when the account has one.</summary>
/// <param name="NewPassword">At least 10 characters, not all of one class.</param>
/// <param name="CurrentPassword">The current password (accounts created with Google or Apple have none).</param>
internal sealed record ChangePasswordRequest(string NewPassword, string? CurrentPassword);
