using SbbCommerce.Api.Common.Notifications;

namespace SbbCommerce.Api.Modules.Identity.Login;

internal static class LoginEndpoint
{
    public static RouteHandlerBuilder MapLogin(this RouteGroupBuilder auth) =>
        auth.MapPost("/login", HandleAsync)
            .WithName("Login")
            .ReadsAnonymousVisitor()
            .WithSummary("Sign in. With X-Anonymous-Id, that visitor's cart is merged and events are stitched to the user.")
            .WithValidation<LoginRequest>()
            .ProducesErrors(StatusCodes.Status401Unauthorized, IdentityErrors.InvalidCredentials)
            .ProducesErrors(StatusCodes.Status403Forbidden, IdentityErrors.AccountSuspended)
            .ProducesErrors(StatusCodes.Status423Locked, IdentityErrors.AccountLocked)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(
        LoginRequest request, HttpContext httpContext, LoginHandler handler, NotificationPublisher publisher,
        CancellationToken cancellationToken)
    {
        var anonymousId = AnonymousVisitor.IdOf(httpContext);
        var result = await handler.HandleAsync(request, RequestContext.From(httpContext), anonymousId, cancellationToken);
        return await publisher.PublishSignInAsync(result, anonymousId, cancellationToken);
    }
}
