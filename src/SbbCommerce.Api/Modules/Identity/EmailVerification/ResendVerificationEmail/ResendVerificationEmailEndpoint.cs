using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Erp;
using SbbCommerce.Api.Modules.Identity.Tokens;

namespace SbbCommerce.Api.Modules.Identity.EmailVerification.ResendVerificationEmail;

internal static class ResendVerificationEmailEndpoint
{
    public static RouteHandlerBuilder MapResendVerificationEmail(this RouteGroupBuilder auth) =>
        auth.MapPost("/verify-email/resend", HandleAsync)
            .WithName("ResendVerificationEmail")
            .WithSummary("Queue a new verification message (202; nothing is sent when the email is already verified).")
            .RequireAuthorization(Policies.User);

    private static async Task<Accepted> HandleAsync(
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
