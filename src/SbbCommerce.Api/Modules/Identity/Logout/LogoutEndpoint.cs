using SbbCommerce.Api.Common.Security;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Refresh;
using SbbCommerce.Api.Modules.Identity.Tokens;

namespace SbbCommerce.Api.Modules.Identity.Logout;

internal static class LogoutEndpoint
{
    public static RouteHandlerBuilder MapLogout(this RouteGroupBuilder auth) =>
        auth.MapPost("/logout", HandleAsync)
            .WithName("Logout")
            .WithSummary("Revoke the session of this refresh token (idempotent: 204 even if already revoked). A refresh token " +
                "that is not one of the caller's sessions is 404 session_not_found.")
            .RequireAuthorization(Policies.User)
            .WithValidation<RefreshRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        RefreshRequest request, ICurrentUser currentUser, SbbDbContext db, SessionService sessions, CancellationToken cancellationToken)
    {
        var hash = SecureTokens.Sha256Hex(request.RefreshToken);
        var familyId = await db.Set<AuthSession>()
            .Where(s => s.RefreshTokenHash == hash && s.UserId == currentUser.UserId)
            .Select(s => (Guid?)s.FamilyId)
            .SingleOrDefaultAsync(cancellationToken);
        if (familyId is null)
        {
            // Someone else's token (or none at all): not the caller's to revoke, and no hint whose it is.
            return ApiProblems.NotFound(IdentityErrors.SessionNotFound, "Session not found.");
        }

        await sessions.RevokeFamilyAsync(familyId.Value, "logout", cancellationToken);
        return TypedResults.NoContent();
    }
}
