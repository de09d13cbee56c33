using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auditing;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.OpenApi;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Common.Validation;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.OAuth;

namespace SbbCommerce.Api.Modules.Identity.LinkedAccounts;

/// <summary>
/// The user's Google and Apple logins. Linking needs a verified ID token of that provider (so only its owner can
/// link it); unlinking refuses to remove the last way to sign in (no password and no other provider).
/// </summary>
internal static class LinkedAccountEndpoints
{
    public static RouteGroupBuilder MapLinkedAccounts(this RouteGroupBuilder me)
    {
        me.MapGet("/linked-accounts", ListAsync).WithName("ListMyLinkedAccounts").WithSummary("The provider accounts linked to the user.");
        me.MapPost("/linked-accounts/{provider}", LinkAsync)
            .WithName("LinkMyAccount")
            .WithSummary("Link a Google or Apple account with its ID token.")
            .WithValidation<LinkAccountRequest>()
            .ProducesErrors(StatusCodes.Status401Unauthorized, IdentityErrors.InvalidIdToken)
            .ProducesErrors(StatusCodes.Status404NotFound, IdentityErrors.LinkedAccountNotFound)
            .ProducesErrors(StatusCodes.Status409Conflict, IdentityErrors.ProviderAccountTaken, IdentityErrors.ProviderAlreadyLinked)
            .ProducesErrors(StatusCodes.Status503ServiceUnavailable, IdentityErrors.ProviderNotConfigured);
        me.MapDelete("/linked-accounts/{provider}", UnlinkAsync)
            .WithName("UnlinkMyAccount")
            .WithSummary("Unlink a provider (422 last_sign_in_method when it is the only way to sign in).")
            .ProducesErrors(StatusCodes.Status404NotFound, IdentityErrors.LinkedAccountNotFound)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, IdentityErrors.LastSignInMethod);
        return me;
    }

    internal static async Task<List<LinkedAccountResponse>> LinkedAsync(SbbDbContext db, Guid userId, CancellationToken cancellationToken) =>
        (await db.Set<ExternalLogin>().AsNoTracking().Where(l => l.UserId == userId).OrderBy(l => l.LinkedAt).ToListAsync(cancellationToken))
        .Select(l => new LinkedAccountResponse(Label(l.Provider), l.EmailAtLink, l.LinkedAt))
        .ToList();

    private static async Task<Ok<List<LinkedAccountResponse>>> ListAsync(ICurrentUser currentUser, SbbDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await LinkedAsync(db, currentUser.UserId!.Value, cancellationToken));

    private static async Task<Results<Ok<List<LinkedAccountResponse>>, ProblemHttpResult>> LinkAsync(
        string provider, LinkAccountRequest request, ICurrentUser currentUser, SbbDbContext db, IdTokenVerifier verifier, IAuditWriter audit,
        TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (Parse(provider) is not { } parsed)
        {
            return UnknownProvider(provider);
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
                Id = Guid.CreateVersion7(), UserId = userId, Provider = parsed, Subject = identity.Subject, EmailAtLink = email, LinkedAt = timeProvider.GetUtcNow(),
            });
            audit.Record("user.provider_linked", "user", userId, null, new { Provider = Label(parsed) });
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

        return TypedResults.Ok(await LinkedAsync(db, userId, cancellationToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnlinkAsync(
        string provider, ICurrentUser currentUser, SbbDbContext db, IAuditWriter audit, CancellationToken cancellationToken)
    {
        if (Parse(provider) is not { } parsed)
        {
            return UnknownProvider(provider);
        }

        var userId = currentUser.UserId!.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The user row is locked so that two unlinks racing cannot each see the other's login still there.
        var hasPassword = await db.Set<User>().FromSql($"SELECT * FROM users WHERE id = {userId} FOR UPDATE")
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
        audit.Record("user.provider_unlinked", "user", userId, new { Provider = Label(parsed) }, null);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static AuthProvider? Parse(string provider) => provider.ToLowerInvariant() switch
    {
        "google" => AuthProvider.Google,
        "apple" => AuthProvider.Apple,
        _ => null,
    };

    internal static string Label(AuthProvider provider) => provider.ToString().ToLowerInvariant();

    private static ProblemHttpResult UnknownProvider(string provider) =>
        ApiProblems.NotFound(IdentityErrors.LinkedAccountNotFound, $"'{provider}' is not a provider (google, apple).");
}
