using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Login;

namespace SbbCommerce.Api.Modules.Identity.OAuth;

internal static class OAuthEndpoints
{
    public static RouteGroupBuilder MapOAuth(this RouteGroupBuilder auth)
    {
        Map(auth, "/oauth/google", AuthProvider.Google, "SignInWithGoogle");
        Map(auth, "/oauth/apple", AuthProvider.Apple, "SignInWithApple");
        return auth;
    }

    private static void Map(RouteGroupBuilder auth, string pattern, AuthProvider provider, string name) =>
        auth.MapPost(pattern, (OAuthSignInRequest request, HttpContext httpContext, OAuthSignInHandler handler, NotificationPublisher publisher,
                CancellationToken cancellationToken) => HandleAsync(provider, request, httpContext, handler, publisher, cancellationToken))
            .WithName(name)
            .ReadsAnonymousVisitor()
            .WithSummary($"Sign in with a {provider} ID token (an account is created or linked as API.md says). With X-Anonymous-Id, as for login.")
            .WithValidation<OAuthSignInRequest>()
            .ProducesErrors(StatusCodes.Status401Unauthorized, IdentityErrors.InvalidIdToken)
            .ProducesErrors(StatusCodes.Status403Forbidden, IdentityErrors.AccountSuspended)
            .ProducesErrors(StatusCodes.Status409Conflict, IdentityErrors.AccountLinkRequired)
            .ProducesErrors(StatusCodes.Status503ServiceUnavailable, IdentityErrors.ProviderNotConfigured);

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(
        AuthProvider provider, OAuthSignInRequest request, HttpContext httpContext, OAuthSignInHandler handler, NotificationPublisher publisher,
        CancellationToken cancellationToken)
    {
        var anonymousId = AnonymousVisitor.IdOf(httpContext);
        var result = await handler.HandleAsync(provider, request, RequestContext.From(httpContext), anonymousId, cancellationToken);
        return await publisher.PublishSignInAsync(result, anonymousId, cancellationToken);
    }
}
