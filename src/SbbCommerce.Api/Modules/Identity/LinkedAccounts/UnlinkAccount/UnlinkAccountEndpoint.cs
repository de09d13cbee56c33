using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.LinkedAccounts.UnlinkAccount;

internal static class UnlinkAccountEndpoint
{
    public static RouteHandlerBuilder MapUnlinkAccount(this RouteGroupBuilder me) =>
        me.MapDelete("/linked-accounts/{provider}", HandleAsync)
            .WithName("UnlinkMyAccount")
            .WithSummary("Unlink a provider (422 last_sign_in_method when it is the only way to sign in).")
            .ProducesErrors(StatusCodes.Status404NotFound, IdentityErrors.LinkedAccountNotFound)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, IdentityErrors.LastSignInMethod);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        string provider, ICurrentUser currentUser, SbbDbContext db, IAuditWriter audit, CancellationToken cancellationToken)
    {
        if (LinkedAccountRules.Parse(provider) is not { } parsed)
        {
            return LinkedAccountRules.UnknownProvider(provider);
        }

        var userId = currentUser.UserId!.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The user row is locked so that two unlinks racing cannot each see the other's login still there.
        var hasPassword = await db.Locking<User>($"id = {userId}")
            .Select(u => u.PasswordHash != null).SingleAsync(cancellationToken);
        var logins = await db.Set<ExternalLogin>().Where(l => l.UserId == userId).ToListAsync(cancellationToken);
        var login = logins.SingleOrDefault(l => l.Provider == parsed);
        if (login is null)
        {
            return ApiProblems.NotFound(IdentityErrors.LinkedAccountNotFound, $"No {parsed} account is linked.");
        }

        if (!hasPassword && logins.Count == 1)
        {
            return ApiProblems.Unprocessable(IdentityErrors.LastSignInMethod, "This is the only way to sign in to this account.",
                "Set a password (POST /me/password) or link another provider first.");
        }

        db.Set<ExternalLogin>().Remove(login);
        audit.Record("user.provider_unlinked", "user", userId, new { Provider = LinkedAccountRules.Label(parsed) }, null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
