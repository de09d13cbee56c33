using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Login;
using SbbCommerce.Api.Modules.Identity.Users;

using SbbCommerce.Api.Modules.Identity.Registration;

namespace SbbCommerce.Api.Modules.Identity.OAuth;

/// <summary>
/// Sign-in with a verified ID token. The provider's subject is what later sign-ins match on. An unknown subject
/// whose email belongs to an account is linked only when both the provider and we verified that email (else
/// 409 account_link_required: nobody takes over an account by registering its email at a provider); an unknown
/// email creates an account without a password, as a registration would (consents, attribution, ERP upsert,
/// verification email when the provider did not vouch for the address). One transaction with the session, the
/// audit row and the login event.
/// </summary>
internal sealed class OAuthSignInHandler(
    SbbDbContext db,
    IdTokenVerifier verifier,
    SignInCompletion completion,
    AccountOpening opening,
    IAuditWriter audit,
    TimeProvider timeProvider,
    ILogger<OAuthSignInHandler> logger)
{
    public async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(
        AuthProvider provider, OAuthSignInRequest request, RequestContext context, string? anonymousId, CancellationToken cancellationToken)
    {
        if (!verifier.IsConfigured(provider))
        {
            return NotConfigured(provider);
        }

        var identity = await verifier.VerifyAsync(provider, request.IdToken, request.Nonce, cancellationToken);
        if (identity is null)
        {
            return InvalidIdToken();
        }

        try
        {
            return await SignInAsync(identity, request, context, anonymousId, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation("external_logins_provider_subject_unique")
                                                  || exception.IsUniqueViolation("users_email_unique"))
        {
            // A parallel first sign-in of the same person won: sign in again against what it created.
            db.ChangeTracker.Clear();
            return await SignInAsync(identity, request, context, anonymousId, cancellationToken);
        }
    }

    private async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> SignInAsync(
        VerifiedIdentity identity, OAuthSignInRequest request, RequestContext context, string? anonymousId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetDatabaseNow();
        var login = await db.Set<ExternalLogin>()
            .SingleOrDefaultAsync(l => l.Provider == identity.Provider && l.Subject == identity.Subject, cancellationToken);
        User? user;
        string action;
        if (login is not null)
        {
            user = await db.Set<User>().SingleAsync(u => u.Id == login.UserId, cancellationToken);
            action = "user.signed_in_with_provider";
        }
        else
        {
            if (string.IsNullOrWhiteSpace(identity.Email))
            {
                return InvalidIdToken("The token carries no email, and no account is linked to it.");
            }

            var email = UserQueries.NormalizeEmail(identity.Email);
            user = await db.Set<User>().SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
            if (user is null)
            {
                user = CreateAccount(identity, email, request, anonymousId, context, now);
                action = "user.registered_with_provider";
            }
            else if (identity.EmailVerified && user.EmailVerified)
            {
                action = "user.provider_linked";
            }
            else
            {
                return ApiProblems.Conflict(IdentityErrors.AccountLinkRequired,
                    "An account with this email exists.",
                    "Sign in with the password, then link the provider from POST /me/linked-accounts/{provider}.");
            }

            db.Set<ExternalLogin>().Add(new ExternalLogin
            {
                Id = Guid.CreateVersion7(),
                UserId = user.Id,
                Provider = identity.Provider,
                Subject = identity.Subject,
                EmailAtLink = email,
                LinkedAt = now,
            });
        }

        if (SignInCompletion.IsBarred(user))
        {
            return SignInCompletion.Barred();
        }

        audit.Record(action, "user", user.Id, null, new { Provider = identity.Provider.ToString().ToLowerInvariant() });
        var tokens = await completion.CompleteAsync(user, anonymousId, new { Method = identity.Provider.ToString().ToLowerInvariant() }, context,
            cancellationToken);
        IdentityLog.SignedInWithProvider(logger, user.Id, identity.Provider, action);
        return tokens;
    }

    private User CreateAccount(VerifiedIdentity identity, string email, OAuthSignInRequest request, string? anonymousId, RequestContext context, DateTimeOffset now)
    {
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            PasswordHash = null,
            AuthProvider = identity.Provider,
            EmailVerified = identity.EmailVerified,
            EmailVerifiedAt = identity.EmailVerified ? now : null,
            Role = UserRole.Customer,
            Status = identity.EmailVerified ? UserStatus.Active : UserStatus.PendingVerification,
            KycStatus = "not_required",
            CreatedAt = now,
            UpdatedAt = now,
        };
        var profile = SignupProfile.New(user.Id, NullIfBlank(request.FirstName), NullIfBlank(request.LastName), dateOfBirth: null, request, now);
        opening.Add(user, profile, new { request.UtmSource, request.UtmMedium, request.UtmCampaign, Method = identity.Provider.ToString().ToLowerInvariant() },
            anonymousId, context);
        return user;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ProblemHttpResult InvalidIdToken(string? detail = null) =>
        ApiProblems.Problem(StatusCodes.Status401Unauthorized, IdentityErrors.InvalidIdToken, "The ID token could not be verified.", detail);

    private static ProblemHttpResult NotConfigured(AuthProvider provider) =>
        ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, IdentityErrors.ProviderNotConfigured,
            $"Sign-in with {provider} is not configured.", $"Set Auth:{provider}:ClientIds.");
}
