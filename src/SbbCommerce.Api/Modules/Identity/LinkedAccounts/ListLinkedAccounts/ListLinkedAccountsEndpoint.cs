namespace SbbCommerce.Api.Modules.Identity.LinkedAccounts.ListLinkedAccounts;

internal static class ListLinkedAccountsEndpoint
{
    public static RouteHandlerBuilder MapListLinkedAccounts(this RouteGroupBuilder me) =>
        me.MapGet("/linked-accounts", HandleAsync).WithName("ListMyLinkedAccounts").WithSummary("The provider accounts linked to the user.");

    private static async Task<Ok<List<LinkedAccountResponse>>> HandleAsync(ICurrentUser currentUser, SbbDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await LinkedAccountRules.LinkedAsync(db, currentUser.UserId!.Value, cancellationToken));
}
