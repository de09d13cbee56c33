using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Identity.Tokens;

/// <summary>Short-lived JWT access tokens: subject, email, role and session (family) id, HMAC-SHA256 signed.</summary>
internal sealed class AccessTokenIssuer(JwtSigningKey signingKey, IOptions<JwtOptions> options, TimeProvider timeProvider)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public TimeSpan Lifetime => options.Value.AccessTokenLifetime;

    public string Issue(Guid userId, string email, UserRole role, Guid sessionId)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            Subject = new ClaimsIdentity(
            [
                new Claim(SbbClaims.Subject, userId.ToString()),
                new Claim(SbbClaims.Email, email),
                new Claim(SbbClaims.Role, UserRoleLabels.Of(role)),
                new Claim(SbbClaims.SessionId, sessionId.ToString()),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
