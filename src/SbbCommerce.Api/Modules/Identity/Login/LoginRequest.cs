using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Tokens;
using SbbCommerce.Api.Modules.Identity.Users;

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
internal sealed record TokenResponse(string AccessToken, int ExpiresIn, string RefreshToken, string TokenType, UserResponse User)
{
    /// <summary>The answer of a sign-in or a refresh: a new access token for the session, its refresh token, the user.</summary>
    public static TokenResponse For(AccessTokenIssuer accessTokens, User user, UserProfile? profile, Guid sessionId, string refreshToken) => new(
        accessTokens.Issue(user.Id, user.Email, user.Role, sessionId),
        (int)accessTokens.Lifetime.TotalSeconds,
        refreshToken,
        "Bearer",
        UserResponse.From(user, profile));
}
