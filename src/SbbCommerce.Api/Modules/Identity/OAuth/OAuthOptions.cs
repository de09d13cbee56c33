using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Identity.OAuth;

/// <summary><c>Auth:Google:*</c> and <c>Auth:Apple:*</c>: one ID-token provider.</summary>
internal sealed class OAuthProviderOptions
{
    /// <summary>Accepted audiences (the storefront's client ids); none: the provider is not configured.</summary>
    public string[] ClientIds { get; set; } = [];

    /// <summary>The provider's OpenID configuration document; the issuer and the keys come from it.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>Refuse metadata over plain HTTP (false only for a local test provider).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public static string SectionOf(AuthProvider provider) => $"Auth:{provider}";

    public static string DefaultMetadataAddress(AuthProvider provider) => provider switch
    {
        AuthProvider.Google => "https://accounts.google.com/.well-known/openid-configuration",
        AuthProvider.Apple => "https://appleid.apple.com/.well-known/openid-configuration",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not an ID-token provider."),
    };
}
