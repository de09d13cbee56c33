using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SbbCommerce.IntegrationTests.Infrastructure;

/// <summary>Access tokens signed like the host's, for tests that need a caller of a given role.</summary>
public static class TestTokens
{
    /// <summary>
    /// A signed token with a random session id: the host refuses it (401) whatever its signature, since no session
    /// backs it. For tests of refused tokens; tests that need a caller use <see cref="TokenFor"/>.
    /// </summary>
    public static string For(string role, Guid? userId = null, string? key = null, DateTime? expires = null,
        string audience = "sbbcommerce-storefront", string issuer = "sbbcommerce", DateTime? now = null, Guid? sessionId = null)
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
                new Claim("sid", (sessionId ?? Guid.NewGuid()).ToString()),
            ]),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(key ?? SbbApiFactory.SigningKey)),
                SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>
    /// A token of an existing user valid by the host's clock (which tests may have moved forward), backed by a new
    /// active session row like a login makes: the host honours a token only while its session and user stand.
    /// </summary>
    public static string TokenFor(this ApiFixture fixture, string role, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var sessionId = Guid.NewGuid();
        var now = fixture.Now;
        using var connection = new Npgsql.NpgsqlConnection(fixture.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(
            """
            INSERT INTO auth_sessions (id, user_id, family_id, refresh_token_hash, status, expires_at, last_used_at, created_at)
            VALUES (@id, @user, @id, @hash, 'active', @expires, @now, @now)
            """, connection);
        command.Parameters.AddWithValue("id", sessionId);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("hash", "test-" + sessionId.ToString("N"));
        command.Parameters.AddWithValue("expires", now.AddYears(1));
        command.Parameters.AddWithValue("now", now);
        command.ExecuteNonQuery();
        return For(role, userId, now: now.UtcDateTime, sessionId: sessionId);
    }

    /// <summary>A new active user of <paramref name="role"/> with a token (for callers of a given role).</summary>
    public static string NewUserToken(this ApiFixture fixture, string role)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        using var connection = new Npgsql.NpgsqlConnection(fixture.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(
            "INSERT INTO users (email, role, status) VALUES (@email, @role::user_role, 'active') RETURNING id", connection);
        command.Parameters.AddWithValue("email", $"{role}-{Guid.NewGuid():N}@test.local");
        command.Parameters.AddWithValue("role", role);
        var userId = (Guid)command.ExecuteScalar()!;
        return fixture.TokenFor(role, userId);
    }

    /// <summary>The seeded super_admin, valid by the host's clock.</summary>
    public static string AdminToken(this ApiFixture fixture) => fixture.TokenFor("super_admin", SeededData.AdminId);

    /// <summary>The seeded customer, valid by the host's clock.</summary>
    public static string CustomerToken(this ApiFixture fixture) => fixture.TokenFor("customer", SeededData.CustomerId);

    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
