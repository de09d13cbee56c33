namespace SbbCommerce.Api.Modules.Identity.Refresh;

/// <summary>A refresh token from login or a previous refresh.</summary>
/// <param name="RefreshToken">The opaque refresh token.</param>
internal sealed record RefreshRequest(string RefreshToken);
