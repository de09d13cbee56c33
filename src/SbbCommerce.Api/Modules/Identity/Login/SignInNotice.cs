using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Identity.Login;

/// <summary>What every sign-in endpoint (password, Google, Apple) does once its handler has answered.</summary>
internal static class SignInNotice
{
    /// <summary>
    /// After a sign-in committed, publishes <see cref="UserLoggedIn"/>: other modules (cart merge, event stitching)
    /// react without Identity knowing them. Returns the sign-in's answer as it is.
    /// </summary>
    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> PublishSignInAsync(this NotificationPublisher publisher,
        Results<Ok<TokenResponse>, ProblemHttpResult> signIn, string? anonymousId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(signIn);
        if (signIn.Result is Ok<TokenResponse> { Value: { } tokens })
        {
            await publisher.PublishAsync(new UserLoggedIn(tokens.User.Id, anonymousId), cancellationToken);
        }

        return signIn;
    }
}
