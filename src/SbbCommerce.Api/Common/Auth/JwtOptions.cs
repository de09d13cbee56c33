namespace SbbCommerce.Api.Common.Auth;

/// <summary>The <c>Jwt</c> configuration section.</summary>
internal sealed class JwtOptions
{
    public const string Section = "Jwt";

    /// <summary>HMAC-SHA256 signing key, at least 32 bytes. Required outside Development.</summary>
    public string SigningKey { get; set; } = string.Empty;

    public string Issuer { get; set; } = "sbbcommerce";

    public string Audience { get; set; } = "sbbcommerce-storefront";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
