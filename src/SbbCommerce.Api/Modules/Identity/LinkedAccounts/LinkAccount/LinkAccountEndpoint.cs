using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.OAuth;

namespace SbbCommerce.Api.Modules.Identity.LinkedAccounts.LinkAccount;

internal static class LinkAccountEndpoint
{
    public static RouteHandlerBuilder MapLinkAccount(this RouteGroupBuilder me) =>
        me.MapPost("/linked-accounts/{provider}", HandleAsync)
            .WithName("LinkMyAccount")
            .WithSummary("Link a Google or Apple account with its ID token.")
            .WithValidation<LinkAccountRequest>()
            .ProducesErrors(StatusCodes.Status401Unauthorized, IdentityErrors.InvalidIdToken)
            .ProducesErrors(StatusCodes.Status404NotFound, IdentityErrors.LinkedAccountNotFound)
            .ProducesErrors(StatusCodes.Status409Conflict, IdentityErrors.ProviderAccountTaken, IdentityErrors.ProviderAlreadyLinked)
            .ProducesErrors(StatusCodes.Status503ServiceUnavailable, IdentityErrors.ProviderNotConfigured);

    private static async Task<Results<Ok<List<LinkedAccountResponse>>, ProblemHttpResult>> HandleAsync(
        string provider, LinkAccountRequest request, ICurrentUser currentUser, SbbDbContext db, IdTokenVerifier verifier, IAuditWriter audit,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (LinkedAccountRules.Parse(provider) is not { } parsed)
        {
            return LinkedAccountRules.UnknownProvider(provider);
        }

        if (!verifier.IsConfigured(parsed))
        {
            return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, IdentityErrors.ProviderNotConfigured, $"Sign-in with {parsed} is not configured.");
        }

        var identity = await verifier.VerifyAsync(parsed, request.IdToken, request.Nonce, cancellationToken);
        if (identity is null)
        {
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, IdentityErrors.InvalidIdToken, "The ID token could not be verified.");
        }

        var userId = currentUser.UserId!.Value;
        var existing = await db.Set<ExternalLogin>()
            .Where(l => (l.Provider == parsed && l.Subject == identity.Subject) || (l.UserId == userId && l.Provider == parsed))
            .ToListAsync(cancellationToken);
        if (existing.Any(l => l.UserId != userId))
        {
            return ApiProblems.Conflict(IdentityErrors.ProviderAccountTaken, "This provider account is linked to another account.");
        }

        if (existing.Any(l => l.Subject != identity.Subject))
        {
            return ApiProblems.Conflict(IdentityErrors.ProviderAlreadyLinked, $"Another {parsed} account is linked; unlink it first.");
        }

        if (existing.Count == 0)
        {
            var email = identity.Email is null ? null : Users.UserQueries.NormalizeEmail(identity.Email);
            db.Set<ExternalLogin>().Add(new ExternalLogin
            {
                Id = Guid.CreateVersion7(), UserId = userId, Provider = parsed, Subject = identity.Subject, EmailAtLink = email, LinkedAt = timeProvider.GetDatabaseNow(),
            });
            audit.Record("user.provider_linked", "user", userId, null, new { Provider = LinkedAccountRules.Label(parsed) });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (exception.IsUniqueViolation("external_logins_provider_subject_unique")
                                                      || exception.IsUniqueViolation("external_logins_user_provider_unique"))
            {
                return ApiProblems.Conflict(IdentityErrors.ProviderAccountTaken, "This provider account was linked meanwhile.");
            }
        }

        return TypedResults.Ok(await LinkedAccountRules.LinkedAsync(db, userId, cancellationToken));
    }
}
