using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.Outbox;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Common.Validation;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Erp;
using SbbCommerce.Api.Modules.Identity.Tokens;

namespace SbbCommerce.Api.Modules.Identity.EmailVerification;

internal static class VerifyEmailEndpoints
{
    public static RouteGroupBuilder MapEmailVerification(this RouteGroupBuilder auth)
    {
        auth.MapPost("/verify-email", VerifyAsync)
            .WithName("VerifyEmail")
            .WithSummary("Confirm the email with the token of the verification message; the account becomes active.")
            .WithValidation<VerifyEmailRequest>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        auth.MapPost("/verify-email/resend", ResendAsync)
            .WithName("ResendVerificationEmail")
            .WithSummary("Queue a new verification message (202; nothing is sent when the email is already verified).")
            .RequireAuthorization(Policies.User);
        return auth;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> VerifyAsync(
        VerifyEmailRequest request, SbbDbContext db, UserTokenService tokens, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var userId = await tokens.ConsumeAsync(request.Token, UserTokenPurpose.EmailVerification, cancellationToken);
        if (userId is null)
        {
            return ApiProblems.Unprocessable(IdentityErrors.InvalidToken, "This verification link is invalid, used or expired.");
        }

        var user = await db.Set<User>().SingleAsync(u => u.Id == userId, cancellationToken);
        var now = timeProvider.GetUtcNow();
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

    private static async Task<Accepted> ResendAsync(
        ICurrentUser currentUser, SbbDbContext db, UserTokenService tokens, IOutboxWriter outbox, CancellationToken cancellationToken)
    {
        var user = await db.Set<User>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == currentUser.UserId, cancellationToken);
        if (user is { EmailVerified: false })
        {
            var tokenId = tokens.Issue(user.Id, UserTokenPurpose.EmailVerification);
            IdentityEmails.Enqueue(outbox, IdentityEmails.EmailVerification, user.Id, user.Email, tokenId);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Accepted((string?)null);
    }
}
