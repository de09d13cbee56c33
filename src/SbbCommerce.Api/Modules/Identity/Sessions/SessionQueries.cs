using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Sessions;

/// <summary>A signed-in device: one login, however often its token was rotated (the id is the family id).</summary>
/// <param name="Id">Session id (stable across refreshes; the access token's sid claim).</param>
/// <param name="Current">Whether this is the session of the calling access token.</param>
/// <param name="IpAddress">Address of the last refresh.</param>
/// <param name="UserAgent">User agent of the last refresh.</param>
/// <param name="LastUsedAt">Last login or refresh.</param>
/// <param name="ExpiresAt">When the refresh token expires.</param>
internal sealed record SessionResponse(Guid Id, bool Current, string? IpAddress, string? UserAgent, DateTimeOffset LastUsedAt, DateTimeOffset ExpiresAt);

/// <summary>The user's active sessions, as the user (ListSessions) and an admin (GetUser) see them.</summary>
internal static class SessionQueries
{
    public static async Task<List<SessionResponse>> ActiveSessionsAsync(
        SbbDbContext db, Guid userId, Guid? currentSession, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.Set<AuthSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.Status == SessionStatus.Active && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastUsedAt)
            .ToListAsync(cancellationToken);
        return rows.Select(s => new SessionResponse(s.FamilyId, s.FamilyId == currentSession, s.IpAddress?.ToString(), s.UserAgent, s.LastUsedAt, s.ExpiresAt))
            .ToList();
    }
}
