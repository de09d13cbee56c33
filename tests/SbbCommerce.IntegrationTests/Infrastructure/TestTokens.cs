using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SbbCommerce.IntegrationTests.Infrastructure;

/// <summary>Access tokens signed like the host's, for tests that need a caller of a given role.</summary>
public static class TestTokens
{
    public static string For(string role, Guid? userId = null, string? key = null, DateTime? expires = null,
        string audience = "sbbcommerce-storefront", string issuer = "sbbcommerce", DateTime? now = null)
    {
        var id = userId ?? Guid.NewGuid();
        var handler = new JsonWebTokenHandler();
        now ??= DateTime.UtcNow;
        var issued = now.Value;
        var expiresAt = expires ?? issued.AddMinutes(15);
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = expiresAt < issued ? expiresAt.AddMinutes(-10) : issued.AddMinutes(-1),
            IssuedAt = expiresAt < issued ? expiresAt.AddMinutes(-10) : issued,
            Expires = expiresAt,
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", id.ToString()),
                new Claim("email", $"{role}-{id:N}@test.local"),
                new Claim("role", role),
                new Claim("sid", Guid.NewGuid().ToString()),
            ]),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(key ?? SbbApiFactory.SigningKey)),
                SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>A token valid by the host's clock, which tests may have moved forward.</summary>
    public static string TokenFor(this ApiFixture fixture, string role, Guid userId) =>
        For(role, userId, now: fixture.Factory.Time.GetUtcNow().UtcDateTime);

    /// <summary>The seeded super_admin, valid by the host's clock.</summary>
    public static string AdminToken(this ApiFixture fixture) => fixture.TokenFor("super_admin", SeededData.AdminId);

    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
