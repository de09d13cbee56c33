using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Tokens;

namespace SbbCommerce.Api.Modules.Identity.Sessions.RevokeSession;

internal static class RevokeSessionEndpoint
{
    public static RouteHandlerBuilder MapRevokeSession(this RouteGroupBuilder me) =>
        me.MapDelete("/sessions/{id:guid}", HandleAsync)
            .WithName("RevokeMySession")
            .WithSummary("Revoke one of the user's sessions (another user's is 404).")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
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
