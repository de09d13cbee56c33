using System.Collections.Concurrent;
using System.Security.Claims;
using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Identity.Sessions;

/// <summary>
/// Honours an access token only while its session (sid, the family id) is active and unexpired and its user is
/// active (or still verifying the email) with the role the token claims. Answers come from a small in-memory cache
/// that the triggers of migration 0040 evict on every host through NOTIFY (<c>session:{familyId}</c>,
/// <c>user:{userId}</c>) when a session is revoked or a user's status or role changes; a miss costs one query.
/// While the listener is disconnected, entries live only <see cref="DisconnectedLifetime"/>.
/// </summary>
internal sealed class SessionGate(NpgsqlDataSource dataSource, DatabaseNotificationState notifications, TimeProvider timeProvider)
    : IAccessTokenGate, IDatabaseNotificationSubscriber
{
    public const string SessionTopic = "session";
    public const string UserTopic = "user";

    /// <summary>Bounds staleness should a NOTIFY ever be lost while connected.</summary>
    public static readonly TimeSpan ConnectedLifetime = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan DisconnectedLifetime = TimeSpan.FromSeconds(1);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<Guid, SessionEntry> _sessions = new();
    private readonly ConcurrentDictionary<Guid, UserEntry> _users = new();

    // Bumped by every eviction: a load that raced with one is answered but not cached (it may predate the change).
    private long _evictions;

    public async ValueTask<bool> IsHonouredAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (!Guid.TryParse(principal.FindFirstValue(SbbClaims.SessionId), out var sessionId)
            || !Guid.TryParse(principal.FindFirstValue(SbbClaims.Subject), out var userId))
        {
            return false;
        }

        var now = timeProvider.GetUtcNow();
        if (!_sessions.TryGetValue(sessionId, out var session) || session.CachedUntil <= now || session.UserId != userId
            || !_users.TryGetValue(userId, out var user) || user.CachedUntil <= now)
        {
            (session, user) = await LoadAsync(sessionId, userId, now, cancellationToken);
        }

        return session.ExpiresAt > now
            && user.Status is UserStatus.Active or UserStatus.PendingVerification
            && string.Equals(user.Role, principal.FindFirstValue(SbbClaims.Role), StringComparison.Ordinal);
    }

    public void OnNotification(string topic, string key)
    {
        if (!Guid.TryParse(key, out var id))
        {
            return;
        }

        if (topic == SessionTopic)
        {
            Interlocked.Increment(ref _evictions);
            _sessions.TryRemove(id, out _);
        }
        else if (topic == UserTopic)
        {
            Interlocked.Increment(ref _evictions);
            _users.TryRemove(id, out _);
        }
    }

    public void OnListeningChanged(bool listening) => Clear();

    /// <summary>
    /// Drops this host's answers for the user at once (every token of theirs is checked again on its next request).
    /// The NOTIFY reaches this host too, but a few milliseconds after the commit; the revoking request calls this
    /// after its commit so its own next request, and everyone's on this host, already sees the change.
    /// </summary>
    public void Forget(Guid userId)
    {
        Interlocked.Increment(ref _evictions);
        _users.TryRemove(userId, out _);
    }

    private void Clear()
    {
        Interlocked.Increment(ref _evictions);
        _sessions.Clear();
        _users.Clear();
    }

    private async Task<(SessionEntry Session, UserEntry User)> LoadAsync(Guid sessionId, Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var evictionsBefore = Interlocked.Read(ref _evictions);
        await using var command = dataSource.CreateCommand(
            """
            SELECT u.status, u.role,
                   (SELECT max(s.expires_at) FROM auth_sessions s WHERE s.family_id = $1 AND s.user_id = $2 AND s.status = 'active')
            FROM users u WHERE u.id = $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = sessionId });
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        var cachedUntil = now + (notifications.IsListening ? ConnectedLifetime : DisconnectedLifetime);
        SessionEntry session;
        UserEntry user;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                user = new UserEntry(reader.GetFieldValue<UserStatus>(0), UserRoleLabels.Of(reader.GetFieldValue<UserRole>(1)), cachedUntil);
                session = new SessionEntry(userId, reader.IsDBNull(2) ? DateTimeOffset.MinValue : reader.GetFieldValue<DateTimeOffset>(2), cachedUntil);
            }
            else
            {
                user = new UserEntry(UserStatus.Deleted, string.Empty, cachedUntil);
                session = new SessionEntry(userId, DateTimeOffset.MinValue, cachedUntil);
            }
        }

        if (_sessions.Count + _users.Count > MaxEntries)
        {
            Clear();
        }
        else if (Interlocked.Read(ref _evictions) == evictionsBefore)
        {
            _sessions[sessionId] = session;
            _users[userId] = user;
        }

        return (session, user);
    }

    private sealed record SessionEntry(Guid UserId, DateTimeOffset ExpiresAt, DateTimeOffset CachedUntil);

    private sealed record UserEntry(UserStatus Status, string Role, DateTimeOffset CachedUntil);
}
