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

namespace SbbCommerce.Api.Modules.Identity.LinkedAccounts.ListLinkedAccounts;

internal static class ListLinkedAccountsEndpoint
{
    public static RouteGroupBuilder MapListLinkedAccounts(this RouteGroupBuilder me)
    {
        me.MapGet("/linked-accounts", HandleAsync).WithName("ListMyLinkedAccounts").WithSummary("The provider accounts linked to the user.");
        return me;
    }

    private static async Task<Ok<List<LinkedAccountResponse>>> HandleAsync(ICurrentUser currentUser, SbbDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await LinkedAccountRules.LinkedAsync(db, currentUser.UserId!.Value, cancellationToken));
}
