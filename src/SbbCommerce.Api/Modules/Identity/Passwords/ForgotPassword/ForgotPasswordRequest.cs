namespace SbbCommerce.Api.Modules.Identity.Passwords.ForgotPassword;

/// <summary>Ask for a password-reset message.</summary>
/// <param name="Email">The account's email.</param>
internal sealed record ForgotPasswordRequest(string Email);
