using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Identity.OAuth;

/// <summary>What a verified ID token says about the person.</summary>
internal sealed record VerifiedIdentity(AuthProvider Provider, string Subject, string? Email, bool EmailVerified);

/// <summary>
/// Verifies Google and Apple ID tokens with Microsoft.IdentityModel: signature against the keys of the provider's
/// OpenID configuration (cached by a ConfigurationManager), issuer as that document names it, audience among
/// <c>ClientIds</c>, expiry with one minute of skew on the injected clock, nonce when the caller gives one. Only
/// RS256 and ES256 are accepted, so <c>alg: none</c> never passes. A token signed by a key id the cached set does
/// not know triggers one fresh fetch of the document (at most once a minute, so a stream of made-up key ids
/// cannot turn us into a load generator against the provider).
/// </summary>
internal sealed partial class IdTokenVerifier(
    IOptionsMonitor<OAuthProviderOptions> options, IHttpClientFactory httpClients, TimeProvider timeProvider, ILogger<IdTokenVerifier> logger)
{
    public const string HttpClientName = "oauth-metadata";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MinimumForcedRefreshInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<AuthProvider, ProviderMetadata> _metadata = new();
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public bool IsConfigured(AuthProvider provider) => options.Get(provider.ToString()).ClientIds.Any(id => !string.IsNullOrWhiteSpace(id));

    /// <summary>The verified identity, or null for any failure (the caller answers 401 invalid_id_token).</summary>
    public async Task<VerifiedIdentity?> VerifyAsync(AuthProvider provider, string idToken, string? nonce, CancellationToken cancellationToken)
    {
        var metadata = _metadata.GetOrAdd(provider, Create);
        try
        {
            var (result, unknownKey) = await ValidateAsync(provider, metadata.Manager, idToken, cancellationToken);
            if (unknownKey && metadata.TryClaimRefresh(timeProvider.GetUtcNow()))
            {
                // The provider rotated its keys: fetch the document once more and try again with the new set.
                LogKeyRefresh(logger, provider);
                var fresh = metadata.Renew(Create(provider).Manager);
                (result, _) = await ValidateAsync(provider, fresh, idToken, cancellationToken);
            }

            if (!result.IsValid)
            {
                LogRejected(logger, provider, result.Exception);
                return null;
            }

            var claims = result.ClaimsIdentity;
            var tokenNonce = claims.FindFirst("nonce")?.Value;
            if (nonce is not null && !string.Equals(nonce, tokenNonce, StringComparison.Ordinal))
            {
                LogRejected(logger, provider, "nonce_mismatch");
                return null;
            }

            var subject = claims.FindFirst("sub")?.Value;
            if (string.IsNullOrEmpty(subject))
            {
                LogRejected(logger, provider, "no_subject");
                return null;
            }

            // Google sends email_verified as a JSON boolean, Apple as the string "true".
            var verified = claims.FindFirst("email_verified")?.Value;
            return new VerifiedIdentity(provider, subject, claims.FindFirst("email")?.Value,
                string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or HttpRequestException or ArgumentException or SecurityTokenException)
        {
            // The metadata could not be fetched or read: the token cannot be verified, so it is not accepted.
            var error = exception.GetType().Name;
            LogMetadataFailed(logger, provider, error);
            return null;
        }
    }

    /// <summary>The validation result, and whether the token names a key id the provider's current set lacks.</summary>
    private async Task<(TokenValidationResult Result, bool UnknownKey)> ValidateAsync(
        AuthProvider provider, ConfigurationManager<OpenIdConnectConfiguration> manager, string idToken, CancellationToken cancellationToken)
    {
        var configuration = await manager.GetConfigurationAsync(cancellationToken);
        // The header is only read here to decide whether a key refresh could help; nothing in it is trusted.
        var kid = _handler.CanReadToken(idToken) ? _handler.ReadJsonWebToken(idToken).Kid : null;
        var unknownKey = !string.IsNullOrEmpty(kid) && !configuration.SigningKeys.Any(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal));
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudiences = options.Get(provider.ToString()).ClientIds,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
            // Expiry on the injected clock (tests move it), not the machine's.
            LifetimeValidator = (notBefore, expires, _, _) =>
                expires is { } exp && exp.ToUniversalTime() + ClockSkew >= now
                && (notBefore is not { } nbf || nbf.ToUniversalTime() - ClockSkew <= now),
            TryAllIssuerSigningKeys = false,
        };
        return (await _handler.ValidateTokenAsync(idToken, parameters), unknownKey);
    }

    private ProviderMetadata Create(AuthProvider provider)
    {
        var settings = options.Get(provider.ToString());
        var address = string.IsNullOrWhiteSpace(settings.MetadataAddress) ? OAuthProviderOptions.DefaultMetadataAddress(provider) : settings.MetadataAddress;
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(HttpClientName)) { RequireHttps = settings.RequireHttpsMetadata };
        return new ProviderMetadata(new ConfigurationManager<OpenIdConnectConfiguration>(address, new OpenIdConnectConfigurationRetriever(), retriever));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ID token of {Provider} signed by an unknown key id: fetching the provider's keys again")]
    private static partial void LogKeyRefresh(ILogger logger, AuthProvider provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "ID token of {Provider} refused: {Reason}")]
    private static partial void LogRejected(ILogger logger, AuthProvider provider, string reason);

    /// <summary>The exception's type names the failed check; its message may quote the token, so it is not logged.</summary>
    private static void LogRejected(ILogger logger, AuthProvider provider, Exception? exception)
    {
        var reason = exception is null ? "unknown" : exception.GetType().Name;
        LogRejected(logger, provider, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "OpenID configuration of {Provider} could not be read: {Error}")]
    private static partial void LogMetadataFailed(ILogger logger, AuthProvider provider, string error);

    /// <summary>One provider's configuration manager, replaced by a fresh one when its keys rotated.</summary>
    private sealed class ProviderMetadata(ConfigurationManager<OpenIdConnectConfiguration> manager)
    {
        private readonly Lock _gate = new();
        private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

        public ConfigurationManager<OpenIdConnectConfiguration> Manager { get; private set; } = manager;

        public bool TryClaimRefresh(DateTimeOffset now)
        {
            lock (_gate)
            {
                if (now - _lastForcedRefresh < MinimumForcedRefreshInterval)
                {
                    return false;
                }

                _lastForcedRefresh = now;
                return true;
            }
        }

        /// <summary>
        /// A new manager fetches on first use, blocking: ConfigurationManager.RequestRefresh refreshes in the
        /// background in this version, so the token in hand would still meet the old keys.
        /// </summary>
        public ConfigurationManager<OpenIdConnectConfiguration> Renew(ConfigurationManager<OpenIdConnectConfiguration> fresh)
        {
            Manager = fresh;
            return fresh;
        }
    }
}
