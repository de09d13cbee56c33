using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SbbCommerce.Bench.Cli;

namespace SbbCommerce.Bench.Scenarios.Commerce;

/// <summary>
/// Signs access tokens the way the host's AccessTokenIssuer does (HS256 JWT: iss, aud, sub, email, role, sid, iat,
/// nbf, exp), so scenarios can act as the buyers and the admin they create without a login each (login costs a
/// 600,000-iteration password hash and is measured on its own by the <c>login</c> scenario). The host must check
/// tokens with the same key: its Jwt:SigningKey, by default the Development key below.
/// </summary>
internal sealed class BenchTokenSigner
{
    /// <summary>Jwt:SigningKey of src/SbbCommerce.Api/appsettings.Development.json.</summary>
    public const string DevelopmentSigningKey = "development-only-signing-key-change-me-0123456789abcdef";

    public const string Issuer = "sbbcommerce";
    public const string Audience = "sbbcommerce-storefront";

    /// <summary>Long enough for any set-up plus run (the host's own tokens live 15 minutes).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private static readonly string EncodedHeader = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    private readonly byte[] _key;

    private BenchTokenSigner(string key) => _key = Encoding.UTF8.GetBytes(key);

    public static BenchTokenSigner For(BenchOptions options) => new(options.JwtKey ?? DevelopmentSigningKey);

    /// <summary>
    /// A token for the user in session <paramref name="sessionId"/> (sid): the host honours it only while an active
    /// auth_sessions row of that family exists (<see cref="BenchSeed.StartSessionsAsync"/>).
    /// </summary>
    public string Sign(Guid userId, string email, string role, Guid sessionId)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(payload))
        {
            json.WriteStartObject();
            json.WriteString("iss", Issuer);
            json.WriteString("aud", Audience);
            json.WriteString("sub", userId.ToString());
            json.WriteString("email", email);
            json.WriteString("role", role);
            json.WriteString("sid", sessionId.ToString());
            json.WriteString("jti", Guid.NewGuid().ToString("N"));
            json.WriteNumber("iat", now);
            json.WriteNumber("nbf", now);
            json.WriteNumber("exp", now + (long)Lifetime.TotalSeconds);
            json.WriteEndObject();
        }

        var signingInput = EncodedHeader + "." + Base64Url.EncodeToString(payload.WrittenSpan);
        var signature = HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }
}
