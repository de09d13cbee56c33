using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Tokens;

namespace SbbCommerce.Api.Modules.Identity.EmailVerification.VerifyEmail;

internal static class VerifyEmailEndpoint
{
    public static RouteHandlerBuilder MapVerifyEmail(this RouteGroupBuilder auth) =>
        auth.MapPost("/verify-email", HandleAsync)
            .WithName("VerifyEmail")
            .WithSummary("Confirm the email with the token of the verification message; the account becomes active.")
            .WithValidation<VerifyEmailRequest>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        VerifyEmailRequest request, SbbDbContext db, UserTokenService tokens, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await tokens.RedeemAsync(request.Token, UserTokenPurpose.EmailVerification, cancellationToken) is not { } user)
        {
            return ApiProblems.Unprocessable(IdentityErrors.InvalidToken, "This verification link is invalid, used or expired.");
        }

        var now = timeProvider.GetDatabaseNow();
        user.EmailVerified = true;
        user.EmailVerifiedAt ??= now;
        if (user.Status == UserStatus.PendingVerification)
        {
            user.Status = UserStatus.Active;
        }

        user.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
