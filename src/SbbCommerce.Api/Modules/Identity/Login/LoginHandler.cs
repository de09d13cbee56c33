using SbbCommerce.Api.Common.Security;
using SbbCommerce.Api.Modules.Events.Contracts;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.Api.Modules.Identity.Login;

/// <summary>
/// Unknown email and wrong password get the same answer after the same work (a dummy hash is checked when the
/// user does not exist). A locked account answers 423 before the password is looked at; a suspended, banned or
/// deleted account answers 403 only once the password is right (so the status is not revealed to guessers).
/// </summary>
internal sealed class LoginHandler(
    SbbDbContext db,
    IPasswordHasher hasher,
    LoginLockout lockout,
    SignInCompletion completion,
    IEventRecorder events,
    TimeProvider timeProvider,
    ILogger<LoginHandler> logger)
{
    public async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(
        LoginRequest request, RequestContext context, string? anonymousId, CancellationToken cancellationToken)
    {
        var email = UserQueries.NormalizeEmail(request.Email);
        var user = await db.Set<User>().SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        var now = timeProvider.GetDatabaseNow();
        if (user is null || user.PasswordHash is null)
        {
            hasher.VerifyDummy(request.Password);
            await FailedAsync(null, anonymousId, IdentityErrors.InvalidCredentials, context, cancellationToken);
            return InvalidCredentials();
        }

        if (user.LockedUntil > now)
        {
            await FailedAsync(user.Id, anonymousId, IdentityErrors.AccountLocked, context, cancellationToken);
            return ApiProblems.Problem(StatusCodes.Status423Locked, IdentityErrors.AccountLocked,
                "Too many failed logins; the account is locked for a while.", $"Try again after {user.LockedUntil:O}.");
        }

        var verification = hasher.Verify(request.Password, user.PasswordHash);
        if (verification == PasswordVerification.Failed)
        {
            await lockout.RecordFailureAsync(user.Id, cancellationToken);
            await FailedAsync(user.Id, anonymousId, IdentityErrors.InvalidCredentials, context, cancellationToken);
            return InvalidCredentials();
        }

        if (SignInCompletion.IsBarred(user))
        {
            await FailedAsync(user.Id, anonymousId, IdentityErrors.AccountSuspended, context, cancellationToken);
            return SignInCompletion.Barred();
        }

        if (verification == PasswordVerification.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.Hash(request.Password);
            user.UpdatedAt = now;
        }

        if (user.FailedLoginCount > 0 || user.LockedUntil is not null)
        {
            user.FailedLoginCount = 0;
            user.FailedLoginWindowStart = null;
            user.LockedUntil = null;
        }

        var tokens = await completion.CompleteAsync(user, anonymousId, eventProperties: null, context, cancellationToken);
        IdentityLog.LoggedIn(logger, user.Id);
        return tokens;
    }

    /// <summary>The failure is recorded (never the password); an unknown email has no user, so the visitor stands in.</summary>
    private async Task FailedAsync(Guid? userId, string? anonymousId, string reason, RequestContext context, CancellationToken cancellationToken)
    {
        IdentityLog.LoginRefused(logger, userId, reason);
        events.Record(new ServerEvent("user.login.failed")
        {
            UserId = userId,
            AnonymousId = anonymousId ?? "unidentified",
            Properties = new { Reason = reason },
        }.WithRequest(context));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ProblemHttpResult InvalidCredentials() =>
        ApiProblems.Problem(StatusCodes.Status401Unauthorized, IdentityErrors.InvalidCredentials, "Email or password is wrong.");
}
