using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Tokens;

namespace SbbCommerce.Api.Modules.Identity.Sessions;

/// <summary>A signed-in device: one login, however often its token was rotated (the id is the family id).</summary>
/// <param name="Id">Session id (stable across refreshes; the access token's sid claim).</param>
/// <param name="Current">Whether this is the session of the calling access token.</param>
/// <param name="IpAddress">Address of the last refresh.</param>
/// <param name="UserAgent">User agent of the last refresh.</param>
/// <param name="LastUsedAt">Last login or refresh.</param>
/// <param name="ExpiresAt">When the refresh token expires.</param>
internal sealed record SessionResponse(Guid Id, bool Current, string? IpAddress, string? UserAgent, DateTimeOffset LastUsedAt, DateTimeOffset ExpiresAt);

internal static class SessionEndpoints
{
    public static RouteGroupBuilder MapSessions(this RouteGroupBuilder me)
    {
        me.MapGet("/sessions", ListAsync).WithName("ListMySessions").WithSummary("The user's active sessions.");
        me.MapDelete("/sessions/{id:guid}", RevokeAsync)
            .WithName("RevokeMySession")
            .WithSummary("Revoke one of the user's sessions (another user's is 404).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return me;
    }

    internal static async Task<List<SessionResponse>> ActiveSessionsAsync(
        SbbDbContext db, Guid userId, Guid? currentSession, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.Set<AuthSession>().AsNoTracking()
            .Where(s => s.UserId == userId && s.Status == SessionStatus.Active && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastUsedAt)
            .ToListAsync(cancellationToken);
        return rows.Select(s => new SessionResponse(s.FamilyId, s.FamilyId == currentSession, s.IpAddress?.ToString(), s.UserAgent, s.LastUsedAt, s.ExpiresAt))
            .ToList();
    }

    private static async Task<Ok<List<SessionResponse>>> ListAsync(
        ICurrentUser currentUser, SbbDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ActiveSessionsAsync(db, currentUser.UserId!.Value, currentUser.SessionId, timeProvider.GetUtcNow(), cancellationToken));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, ICurrentUser currentUser, SbbDbContext db, SessionService sessions, CancellationToken cancellationToken)
    {
        var owned = await db.Set<AuthSession>().AnyAsync(
            s => s.FamilyId == id && s.UserId == currentUser.UserId && s.Status == SessionStatus.Active, cancellationToken);
        if (!owned)
        {
            return ApiProblems.NotFound(IdentityErrors.SessionNotFound, "Session not found.");
        }

        await sessions.RevokeFamilyAsync(id, "revoked_by_user", cancellationToken);
        return TypedResults.NoContent();
    }
}
