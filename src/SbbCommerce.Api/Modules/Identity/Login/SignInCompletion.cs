using SbbCommerce.Api.Modules.Events.Contracts;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Tokens;
using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.Api.Modules.Identity.Login;

/// <summary>
/// How every sign-in (password, Google, Apple) ends once the account may enter: a new login (session family) with its
/// refresh token and the user.login.success event, saved with the caller's changes, then the tokens with the user.
/// </summary>
internal sealed class SignInCompletion(SbbDbContext db, SessionService sessions, AccessTokenIssuer accessTokens, IEventRecorder events)
{
    /// <summary>A suspended, banned or deleted account may not sign in (nor refresh).</summary>
    public static bool IsBarred(User user) => user.Status is UserStatus.Suspended or UserStatus.Banned or UserStatus.Deleted;

    public static ProblemHttpResult Barred() =>
        ApiProblems.Problem(StatusCodes.Status403Forbidden, IdentityErrors.AccountSuspended, "This account is suspended.");

    /// <param name="user">The user signing in (tracked: the caller's changes to it are saved too).</param>
    /// <param name="anonymousId">The visitor who signed in, if known.</param>
    /// <param name="eventProperties">The properties of the login event (the provider), if any.</param>
    /// <param name="context">The request's ip and user agent, for the session and the event.</param>
    /// <param name="cancellationToken">Cancels the save.</param>
    public async Task<Ok<TokenResponse>> CompleteAsync(
        User user, string? anonymousId, object? eventProperties, RequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var familyId = Guid.CreateVersion7();
        var (_, refreshToken) = sessions.Start(user.Id, familyId, context.IpAddress, context.UserAgent);
        events.Record(new ServerEvent("user.login.success")
        {
            UserId = user.Id,
            AnonymousId = anonymousId,
            Properties = eventProperties,
        }.WithRequest(context));
        await db.SaveChangesAsync(cancellationToken);

        var profile = await db.ProfileOfAsync(user.Id, cancellationToken);
        return TypedResults.Ok(TokenResponse.For(accessTokens, user, profile, familyId, refreshToken));
    }
}
