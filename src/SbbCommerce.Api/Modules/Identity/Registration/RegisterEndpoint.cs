using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.Api.Modules.Identity.Registration;

internal static class RegisterEndpoint
{
    public static RouteHandlerBuilder MapRegister(this RouteGroupBuilder auth) =>
        auth.MapPost("/register", HandleAsync)
            .WithName("Register")
            .ReadsAnonymousVisitor()
            .WithSummary("Create a customer account (status pending_verification; a verification email is queued).")
            .WithValidation<RegisterRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Created<UserResponse>, ProblemHttpResult>> HandleAsync(
        RegisterRequest request, HttpContext httpContext, RegisterHandler handler, CancellationToken cancellationToken)
    {
        return await handler.HandleAsync(request, AnonymousVisitor.IdOf(httpContext), RequestContext.From(httpContext), cancellationToken);
    }
}
