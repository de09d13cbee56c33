using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Security;
using SbbCommerce.Api.Common.Validation;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Refresh;
using SbbCommerce.Api.Modules.Identity.Tokens;

namespace SbbCommerce.Api.Modules.Identity.Logout;

internal static class LogoutEndpoint
{
    public static RouteGroupBuilder MapLogout(this RouteGroupBuilder auth)
    {
        auth.MapPost("/logout", HandleAsync)
            .WithName("Logout")
            .WithSummary("Revoke the session of this refresh token (idempotent: 204 even if already revoked).")
            .RequireAuthorization(Policies.User)
            .WithValidation<RefreshRequest>();
        return auth;
    }

    private static async Task<NoContent> HandleAsync(
        RefreshRequest request, ICurrentUser currentUser, SbbDbContext db, SessionService sessions, CancellationToken cancellationToken)
    {
        var hash = SecureTokens.Sha256Hex(request.RefreshToken);
        var familyId = await db.Set<AuthSession>()
            .Where(s => s.RefreshTokenHash == hash && s.UserId == currentUser.UserId)
            .Select(s => (Guid?)s.FamilyId)
            .SingleOrDefaultAsync(cancellationToken);
        if (familyId is not null)
        {
            await sessions.RevokeFamilyAsync(familyId.Value, "logout", cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
