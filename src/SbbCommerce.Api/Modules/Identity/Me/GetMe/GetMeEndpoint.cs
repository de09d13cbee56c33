using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.Api.Modules.Identity.Me.GetMe;

internal static class GetMeEndpoint
{
    public static RouteHandlerBuilder MapGetMe(this RouteGroupBuilder me) =>
        me.MapGet("", HandleAsync).WithName("GetMe").WithSummary("The signed-in user with profile.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> HandleAsync(
        ICurrentUser currentUser, SbbDbContext db, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId!.Value;
        if (await db.UserResponseAsync(userId, cancellationToken) is not { } user)
        {
            return ApiProblems.NotFound(IdentityErrors.UserNotFound, "User not found.");
        }

        var linked = await LinkedAccounts.LinkedAccountRules.LinkedAsync(db, userId, cancellationToken);
        var hasPassword = await db.Set<User>().AnyAsync(u => u.Id == userId && u.PasswordHash != null, cancellationToken);
        return TypedResults.Ok(user with { LinkedProviders = linked.Select(l => l.Provider).ToList(), HasPassword = hasPassword });
    }
}
