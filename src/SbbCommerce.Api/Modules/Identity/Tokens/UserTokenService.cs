using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using SbbCommerce.Api.Common.Security;
using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Tokens;

/// <summary>
/// Single-use email-verification and password-reset tokens. The token is the row id followed by an HMAC of it
/// under a server key, so the database holds only the token's SHA-256 and the outbox message only the row id:
/// neither lets a reader of the database use the link. The mail sender rebuilds the token from the id
/// (<see cref="UserEmailTokens"/>).
/// </summary>
internal sealed class UserTokenService(SbbDbContext db, JwtSigningKey signingKey, TimeProvider timeProvider)
{
    public static readonly TimeSpan EmailVerificationLifetime = TimeSpan.FromHours(48);
    public static readonly TimeSpan PasswordResetLifetime = TimeSpan.FromMinutes(30);

    /// <summary>Adds a new token row to the context (saved with the caller's change); returns its id.</summary>
    public Guid Issue(Guid userId, string purpose)
    {
        var id = Guid.NewGuid();
        var now = timeProvider.GetDatabaseNow();
        db.Set<UserToken>().Add(new UserToken
        {
            Id = id,
            UserId = userId,
            Purpose = purpose,
            TokenHash = SecureTokens.Sha256Hex(TokenFor(id, purpose)),
            ExpiresAt = now + (purpose == UserTokenPurpose.PasswordReset ? PasswordResetLifetime : EmailVerificationLifetime),
            CreatedAt = now,
        });
        return id;
    }

    /// <summary>The token a user receives for row <paramref name="tokenId"/>.</summary>
    public string TokenFor(Guid tokenId, string purpose) => TokenFor(signingKey, tokenId, purpose);

    /// <summary>The token for row <paramref name="tokenId"/> under <paramref name="key"/> (no database needed).</summary>
    public static string TokenFor(JwtSigningKey key, Guid tokenId, string purpose)
    {
        ArgumentNullException.ThrowIfNull(key);
        var idBytes = tokenId.ToByteArray();
        byte[] message = [.. Encoding.UTF8.GetBytes(purpose), .. idBytes];
        var mac = HMACSHA256.HashData(DerivedKey(key), message);
        return Base64Url.EncodeToString([.. idBytes, .. mac]);
    }

    /// <summary>
    /// Marks the token used if it is valid, unused and unexpired, atomically (a token is used once even when two
    /// requests race); returns its user, or null.
    /// </summary>
    public async Task<Guid?> ConsumeAsync(string token, string purpose, CancellationToken cancellationToken)
    {
        var hash = SecureTokens.Sha256Hex(token);
        var now = timeProvider.GetDatabaseNow();
        var row = await db.Set<UserToken>().AsNoTracking()
            .Where(t => t.TokenHash == hash && t.Purpose == purpose && t.UsedAt == null && t.ExpiresAt > now)
            .Select(t => new { t.Id, t.UserId })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var claimed = await db.Set<UserToken>()
            .Where(t => t.Id == row.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now), cancellationToken);
        return claimed == 1 ? row.UserId : null;
    }

    /// <summary>Consumes the token as <see cref="ConsumeAsync"/> does and loads its user, tracked for the change it allows; or null.</summary>
    public async Task<User?> RedeemAsync(string token, string purpose, CancellationToken cancellationToken) =>
        await ConsumeAsync(token, purpose, cancellationToken) is { } userId
            ? await db.Set<User>().SingleAsync(u => u.Id == userId, cancellationToken)
            : null;

    /// <summary>A key of its own for these tokens, derived from the signing key (never the signing key itself).</summary>
    private static byte[] DerivedKey(JwtSigningKey key) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key.Key.Key, 32, info: Encoding.UTF8.GetBytes("sbb-user-tokens"));
}
