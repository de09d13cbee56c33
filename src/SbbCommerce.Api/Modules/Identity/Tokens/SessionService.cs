using System.Net;
using SbbCommerce.Api.Common.Security;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Tokens;

/// <summary>
/// Refresh-token sessions. One login starts a family; each refresh replaces the family's active row with a new
/// one (the old token dies). Only SHA-256 hashes of refresh tokens are stored.
/// </summary>
internal sealed class SessionService(
    SbbDbContext db, IOptions<JwtOptions> options, TimeProvider timeProvider, Sessions.SessionGate gate, ILogger<SessionService> logger)
{
    public const string ReasonRotated = "rotated";
    public const string ReasonReuse = "refresh_token_reused";

    /// <summary>Adds a new session row (saved with the caller's change); returns it and the raw refresh token.</summary>
    public (AuthSession Session, string RefreshToken) Start(Guid userId, Guid familyId, IPAddress? ip, string? userAgent)
    {
        var token = SecureTokens.NewToken();
        var now = timeProvider.GetDatabaseNow();
        var session = new AuthSession
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            FamilyId = familyId,
            RefreshTokenHash = SecureTokens.Sha256Hex(token),
            Status = SessionStatus.Active,
            IpAddress = ip,
            UserAgent = Truncate(userAgent, 1000),
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
            LastUsedAt = now,
            CreatedAt = now,
        };
        db.Set<AuthSession>().Add(session);
        return (session, token);
    }

    /// <summary>
    /// Retires <paramref name="current"/> in favour of <paramref name="replacement"/>, only if it is still active:
    /// of two refreshes racing with one token, exactly one wins.
    /// </summary>
    public async Task<bool> TryRetireAsync(Guid current, Guid replacement, CancellationToken cancellationToken) =>
        await RevokeAsync(db.Set<AuthSession>().Where(s => s.Id == current), ReasonRotated, replacement, cancellationToken) == 1;

    /// <summary>
    /// Revokes one login's sessions. Every host hears of it through the trigger's NOTIFY when the change commits;
    /// this host forgets its cached answers at once (a caller inside a transaction calls
    /// <see cref="Sessions.SessionGate.Forget"/> again after committing).
    /// </summary>
    public async Task<int> RevokeFamilyAsync(Guid familyId, string reason, CancellationToken cancellationToken)
    {
        var userId = await db.Set<AuthSession>().Where(s => s.FamilyId == familyId).Select(s => (Guid?)s.UserId).FirstOrDefaultAsync(cancellationToken);
        var revoked = await RevokeAsync(db.Set<AuthSession>().Where(s => s.FamilyId == familyId), reason, replacedBy: null, cancellationToken);
        if (userId is not null)
        {
            gate.Forget(userId.Value);
        }

        IdentityLog.SessionsRevoked(logger, revoked, "family", familyId, reason);
        return revoked;
    }

    /// <inheritdoc cref="RevokeFamilyAsync"/>
    public Task<int> RevokeAllAsync(Guid userId, string reason, CancellationToken cancellationToken) =>
        RevokeAllButAsync(userId, keepFamilyId: null, reason, cancellationToken);

    /// <summary>Revokes every login of the user but <paramref name="keepFamilyId"/> (the caller's own), as <see cref="RevokeFamilyAsync"/> does.</summary>
    public async Task<int> RevokeAllButAsync(Guid userId, Guid? keepFamilyId, string reason, CancellationToken cancellationToken)
    {
        var sessions = db.Set<AuthSession>().Where(s => s.UserId == userId);
        if (keepFamilyId is { } keep)
        {
            sessions = sessions.Where(s => s.FamilyId != keep);
        }

        var revoked = await RevokeAsync(sessions, reason, replacedBy: null, cancellationToken);
        gate.Forget(userId);
        IdentityLog.SessionsRevoked(logger, revoked, "user", userId, reason);
        return revoked;
    }

    /// <summary>Revokes the active sessions among <paramref name="sessions"/>; a rotation names the session that replaces them.</summary>
    private async Task<int> RevokeAsync(IQueryable<AuthSession> sessions, string reason, Guid? replacedBy, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetDatabaseNow();
        return await sessions.Where(s => s.Status == SessionStatus.Active)
            .ExecuteUpdateAsync(set =>
            {
                set.SetProperty(s => s.Status, SessionStatus.Revoked)
                    .SetProperty(s => s.RevokedAt, now)
                    .SetProperty(s => s.RevokedReason, reason);
                if (replacedBy is not null)
                {
                    set.SetProperty(s => s.ReplacedById, replacedBy);
                }
            }, cancellationToken);
    }

    private static string? Truncate(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}
