using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SbbCommerce.IntegrationTests.Identity.OAuth;

/// <summary>
/// A local OpenID provider on a loopback port (real HTTP, Kestrel): <c>/.well-known/openid-configuration</c> naming
/// its issuer and <c>/jwks</c>, one RSA key (rotatable) and one P-256 key, and ID tokens signed RS256 or ES256.
/// </summary>
internal sealed class FakeOpenIdProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ECDsa _ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private RSA _rsa = RSA.Create(2048);
    private string _rsaKid = "rsa-1";
    private int _keySetFetches;

    private FakeOpenIdProvider(WebApplication app) => _app = app;

    public string Issuer { get; private set; } = string.Empty;

    public string MetadataAddress => $"{Issuer}/.well-known/openid-configuration";

    /// <summary>How often the key set was fetched.</summary>
    public int KeySetFetches => Volatile.Read(ref _keySetFetches);

    public static async Task<FakeOpenIdProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeOpenIdProvider(app);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = fake.Issuer,
            ["jwks_uri"] = $"{fake.Issuer}/jwks",
            ["authorization_endpoint"] = $"{fake.Issuer}/authorize",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256", "ES256" },
        }));
        app.MapGet("/jwks", fake.KeySet);
        await app.StartAsync();
        var server = (IServer)app.Services.GetService(typeof(IServer))!;
        fake.Issuer = server.Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    /// <summary>A new RSA key replaces the old one in the key set (its tokens stop verifying).</summary>
    public void RotateRsaKey()
    {
        _rsa = RSA.Create(2048);
        _rsaKid = $"rsa-{Guid.NewGuid():N}";
    }

    /// <summary>An ID token; each part can be spoiled by a test.</summary>
    public string IdToken(IdTokenClaims claims, DateTimeOffset now, bool ecdsa = false)
    {
        var payload = Payload(claims, now);
        SecurityKey key = ecdsa
            ? new ECDsaSecurityKey(_ec) { KeyId = "ec-1" }
            : new RsaSecurityKey(claims.ForgedSignature || claims.UnknownKeyId ? RSA.Create(2048) : _rsa) { KeyId = claims.UnknownKeyId ? "never-published" : _rsaKid };
        var credentials = new SigningCredentials(key, ecdsa ? SecurityAlgorithms.EcdsaSha256 : SecurityAlgorithms.RsaSha256);
        return new JsonWebTokenHandler().CreateToken(JsonSerializer.Serialize(payload), credentials);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public string UnsignedIdToken(IdTokenClaims claims, DateTimeOffset now) =>
        $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{Base64Url(JsonSerializer.Serialize(Payload(claims, now)))}.";

    private Dictionary<string, object> Payload(IdTokenClaims claims, DateTimeOffset now)
    {
        var expires = now + (claims.ExpiresIn ?? TimeSpan.FromMinutes(10));
        var payload = new Dictionary<string, object>
        {
            ["iss"] = claims.Issuer ?? Issuer,
            ["aud"] = claims.Audience,
            ["sub"] = claims.Subject,
            ["iat"] = (expires - TimeSpan.FromHours(1)).ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
        };
        if (claims.Email is not null)
        {
            payload["email"] = claims.Email;
            // Apple writes the flag as a string, Google as a boolean.
            payload["email_verified"] = claims.EmailVerifiedAsString ? (claims.EmailVerified ? "true" : "false") : claims.EmailVerified;
        }

        if (claims.Nonce is not null)
        {
            payload["nonce"] = claims.Nonce;
        }

        return payload;
    }

    private IResult KeySet()
    {
        Interlocked.Increment(ref _keySetFetches);
        var rsa = _rsa.ExportParameters(false);
        var ec = _ec.ExportParameters(false);
        return Results.Json(new
        {
            keys = new object[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = _rsaKid, n = Base64UrlEncoder.Encode(rsa.Modulus), e = Base64UrlEncoder.Encode(rsa.Exponent) },
                new { kty = "EC", use = "sig", alg = "ES256", kid = "ec-1", crv = "P-256", x = Base64UrlEncoder.Encode(ec.Q.X), y = Base64UrlEncoder.Encode(ec.Q.Y) },
            },
        });
    }

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
        _ec.Dispose();
    }
}

/// <summary>The claims of one test ID token.</summary>
internal sealed record IdTokenClaims(string Subject, string Audience, string? Email, bool EmailVerified = true)
{
    public string? Issuer { get; init; }
    public string? Nonce { get; init; }
    public TimeSpan? ExpiresIn { get; init; }
    public bool ForgedSignature { get; init; }
    public bool UnknownKeyId { get; init; }
    public bool EmailVerifiedAsString { get; init; }
}
