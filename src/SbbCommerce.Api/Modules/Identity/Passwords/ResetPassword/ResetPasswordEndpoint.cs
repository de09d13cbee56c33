using SbbCommerce.Api.Common.Security;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Sessions;
using SbbCommerce.Api.Modules.Identity.Tokens;

namespace SbbCommerce.Api.Modules.Identity.Passwords.ResetPassword;

internal static class ResetPasswordEndpoint
{
    public static RouteHandlerBuilder MapResetPassword(this RouteGroupBuilder auth) =>
        auth.MapPost("/password/reset", HandleAsync)
            .WithName("ResetPassword")
            .WithSummary("Set a new password with a reset token; every session of the user is revoked.")
            .WithValidation<ResetPasswordRequest>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        ResetPasswordRequest request, SbbDbContext db, UserTokenService tokens, SessionService sessions, SessionGate gate,
        IPasswordHasher hasher, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await tokens.RedeemAsync(request.Token, UserTokenPurpose.PasswordReset, cancellationToken) is not { } user)
        {
            return ApiProblems.Unprocessable(IdentityErrors.InvalidToken, "This reset link is invalid, used or expired.");
        }

        user.PasswordHash = hasher.Hash(request.NewPassword);
        user.FailedLoginCount = 0;
        user.FailedLoginWindowStart = null;
        user.LockedUntil = null;
        user.UpdatedAt = timeProvider.GetDatabaseNow();
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokeAllAsync(user.Id, "password_reset", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        gate.Forget(user.Id);
        return TypedResults.NoContent();
    }
}
