using SbbCommerce.Api.Common.Security;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Login;
using SbbCommerce.Api.Modules.Identity.Tokens;
using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.Api.Modules.Identity.Refresh;

/// <summary>
/// Rotation: the presented token's row is retired and a new row continues the family. A token that was already
/// rotated is theft (or a replay): the whole family is revoked and the answer is 401 refresh_token_reused. Of two
/// refreshes racing with one token, one wins and the other counts as reuse.
/// </summary>
internal sealed class RefreshHandler(
    SbbDbContext db,
    SessionService sessions,
    AccessTokenIssuer accessTokens,
    TimeProvider timeProvider,
    ILogger<RefreshHandler> logger)
{
    public async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(
        RefreshRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var hash = SecureTokens.Sha256Hex(request.RefreshToken);
        var current = await db.Set<AuthSession>().AsNoTracking().SingleOrDefaultAsync(s => s.RefreshTokenHash == hash, cancellationToken);
        if (current is null)
        {
            return Invalid();
        }

        if (current.ReplacedById is not null || current.RevokedReason == SessionService.ReasonReuse)
        {
            return await ReusedAsync(current.FamilyId, cancellationToken);
        }

        var now = timeProvider.GetDatabaseNow();
        if (current.Status != SessionStatus.Active || current.ExpiresAt <= now)
        {
            return Invalid();
        }

        // The user and the profile the answer shows, in one round trip.
        var row = await (from u in db.Set<User>().AsNoTracking()
                         where u.Id == current.UserId
                         join p in db.Set<UserProfile>().AsNoTracking() on u.Id equals p.UserId into profiles
                         from p in profiles.DefaultIfEmpty()
                         select new { User = u, Profile = (UserProfile?)p }).SingleAsync(cancellationToken);
        var user = row.User;
        if (SignInCompletion.IsBarred(user))
        {
            await sessions.RevokeFamilyAsync(current.FamilyId, "account_suspended", cancellationToken);
            return SignInCompletion.Barred();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // A failed save ends the refresh (the transaction rolls back whole): no savepoint round trips around it.
        db.Database.AutoSavepointsEnabled = false;
        var (replacement, refreshToken) = sessions.Start(user.Id, current.FamilyId, context.IpAddress, context.UserAgent);
        await db.SaveChangesAsync(cancellationToken);
        if (!await sessions.TryRetireAsync(current.Id, replacement.Id, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await ReusedAsync(current.FamilyId, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(TokenResponse.For(accessTokens, user, row.Profile, current.FamilyId, refreshToken));
    }

    private async Task<ProblemHttpResult> ReusedAsync(Guid familyId, CancellationToken cancellationToken)
    {
        IdentityLog.RefreshTokenReused(logger, familyId);
        await sessions.RevokeFamilyAsync(familyId, SessionService.ReasonReuse, cancellationToken);
        return ApiProblems.Problem(StatusCodes.Status401Unauthorized, IdentityErrors.RefreshTokenReused,
            "This refresh token was already used; every session of this login is revoked.");
    }

    private static ProblemHttpResult Invalid() =>
        ApiProblems.Problem(StatusCodes.Status401Unauthorized, IdentityErrors.InvalidRefreshToken, "The refresh token is not valid.");
}
