using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Erp;
using SbbCommerce.Api.Modules.Identity.Tokens;
using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.Api.Modules.Identity.Passwords.ForgotPassword;

internal static class ForgotPasswordEndpoint
{
    public static RouteHandlerBuilder MapForgotPassword(this RouteGroupBuilder auth) =>
        auth.MapPost("/password/forgot", HandleAsync)
            .WithName("ForgotPassword")
            .WithSummary("Queue a reset message when the account exists. Always 202: the answer never says whether it does.")
            .WithValidation<ForgotPasswordRequest>();

    private static async Task<Accepted> HandleAsync(
        ForgotPasswordRequest request, SbbDbContext db, UserTokenService tokens, IOutboxWriter outbox, CancellationToken cancellationToken)
    {
        var email = UserQueries.NormalizeEmail(request.Email);
        var user = await db.Set<User>().AsNoTracking()
            .Where(u => u.Email == email && u.Status != UserStatus.Deleted && u.Status != UserStatus.Banned)
            .Select(u => new { u.Id, u.Email })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is not null)
        {
            var tokenId = tokens.Issue(user.Id, UserTokenPurpose.PasswordReset);
            IdentityEmails.Enqueue(outbox, IdentityEmails.PasswordReset, user.Id, user.Email, tokenId);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Accepted((string?)null);
    }
}
