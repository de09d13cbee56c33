using SbbCommerce.Api.Common.Security;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Login;
using SbbCommerce.Api.Modules.Identity.Sessions;
using SbbCommerce.Api.Modules.Identity.Tokens;

namespace SbbCommerce.Api.Modules.Identity.LinkedAccounts.ChangePassword;

/// <summary>
/// Sets (an account created with Google or Apple) or changes the password. A wrong current password counts
/// towards the login lockout, like a wrong login. Every other session of the user is revoked; this one stays.
/// </summary>
internal static class ChangePasswordEndpoint
{
    public static RouteHandlerBuilder MapChangePassword(this RouteGroupBuilder me) =>
        me.MapPost("/password", HandleAsync)
            .WithName("ChangeMyPassword")
            .WithSummary("Set or change the password (currentPassword when one exists); other sessions are revoked.")
            .WithValidation<ChangePasswordRequest>()
            .ProducesErrors(StatusCodes.Status401Unauthorized, IdentityErrors.InvalidCredentials)
            .ProducesErrors(StatusCodes.Status423Locked, IdentityErrors.AccountLocked);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        ChangePasswordRequest request, ICurrentUser currentUser, SbbDbContext db, IPasswordHasher hasher, LoginLockout lockout,
        SessionService sessions, SessionGate gate, IAuditWriter audit, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId!.Value;
        var now = timeProvider.GetDatabaseNow();
        var user = await db.Set<User>().SingleAsync(u => u.Id == userId, cancellationToken);
        if (user.LockedUntil > now)
        {
            return ApiProblems.Problem(StatusCodes.Status423Locked, IdentityErrors.AccountLocked, "Too many wrong passwords; the account is locked for a while.");
        }

        var hadPassword = user.PasswordHash is not null;
        if (hadPassword && (request.CurrentPassword is null || hasher.Verify(request.CurrentPassword, user.PasswordHash!) == PasswordVerification.Failed))
        {
            await lockout.RecordFailureAsync(userId, cancellationToken);
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, IdentityErrors.InvalidCredentials, "The current password is wrong.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.PasswordHash = hasher.Hash(request.NewPassword);
        user.UpdatedAt = now;
        audit.Record(hadPassword ? "user.password_changed" : "user.password_set", "user", userId, null, null);
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllButAsync(userId, currentUser.SessionId, "password_changed", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        gate.Forget(userId);
        return TypedResults.NoContent();
    }
}
