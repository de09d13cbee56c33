using SbbCommerce.Api.Modules.Identity.Login;

namespace SbbCommerce.Api.Modules.Identity.Refresh;

internal static class RefreshEndpoint
{
    public static RouteHandlerBuilder MapRefresh(this RouteGroupBuilder auth) =>
        auth.MapPost("/refresh", HandleAsync)
            .WithName("RefreshTokens")
            .WithSummary("Rotate the refresh token (the old one dies) and get a new access token.")
            .WithValidation<RefreshRequest>()
            .ProducesErrors(StatusCodes.Status401Unauthorized, IdentityErrors.InvalidRefreshToken, IdentityErrors.RefreshTokenReused)
            .ProducesErrors(StatusCodes.Status403Forbidden, IdentityErrors.AccountSuspended);

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> HandleAsync(
        RefreshRequest request, HttpContext httpContext, RefreshHandler handler, CancellationToken cancellationToken)
    {
        return await handler.HandleAsync(request, RequestContext.From(httpContext), cancellationToken);
    }
}
