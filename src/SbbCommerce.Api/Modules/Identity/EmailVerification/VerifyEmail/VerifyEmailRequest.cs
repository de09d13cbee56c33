namespace SbbCommerce.Api.Modules.Identity.EmailVerification.VerifyEmail;

/// <summary>A token from an email link.</summary>
/// <param name="Token">The token.</param>
internal sealed record VerifyEmailRequest(string Token);
