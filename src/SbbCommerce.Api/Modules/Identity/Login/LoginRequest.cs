namespace SbbCommerce.Api.Modules.Identity.Login;

/// <summary>Email and password.</summary>
/// <param name="Email">The account's email (case and surrounding spaces ignored).</param>
/// <param name="Password">The password.</param>
internal sealed record LoginRequest(string Email, string Password);

/// <summary>Tokens for a signed-in user.</summary>
/// <param name="AccessToken">JWT for the Authorization header (Bearer).</param>
/// <param name="ExpiresIn">Access-token lifetime in seconds.</param>
/// <param name="RefreshToken">Opaque refresh token: single use, rotated by POST /auth/refresh.</param>
/// <param name="TokenType">Always "Bearer".</param>
/// <param name="User">The user.</param>
internal sealed record TokenResponse(string AccessToken, int ExpiresIn, string RefreshToken, string TokenType, Users.UserResponse User);
