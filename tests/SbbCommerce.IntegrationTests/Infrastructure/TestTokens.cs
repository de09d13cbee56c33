using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SbbCommerce.IntegrationTests.Infrastructure;

/// <summary>Access tokens signed like the host's, for tests that need a caller of a given role.</summary>
public static class TestTokens
{
    public static string For(string role, Guid? userId = null, string? key = null, DateTime? expires = null,
        string audience = "sbbcommerce-storefront", string issuer = "sbbcommerce")
    {
        var id = userId ?? Guid.NewGuid();
        var handler = new JsonWebTokenHandler();
        var now = DateTime.UtcNow;
        var expiresAt = expires ?? now.AddMinutes(15);
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = expiresAt < now ? expiresAt.AddMinutes(-10) : now.AddMinutes(-1),
            IssuedAt = expiresAt < now ? expiresAt.AddMinutes(-10) : now,
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

    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
