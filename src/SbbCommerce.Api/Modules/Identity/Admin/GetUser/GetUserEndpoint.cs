using SbbCommerce.Api.Modules.Identity.Addresses;
using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Identity.Sessions;
using SbbCommerce.Api.Modules.Identity.Users;

namespace SbbCommerce.Api.Modules.Identity.Admin.GetUser;

internal static class GetUserEndpoint
{
    public static RouteHandlerBuilder MapGetUser(this RouteGroupBuilder admin) =>
        admin.MapGet("/users/{id:guid}", HandleAsync).WithName("AdminGetUser")
            .WithSummary("A user with profile, addresses and active sessions.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<AdminUserDetail>, ProblemHttpResult>> HandleAsync(
        Guid id, SbbDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var user = await db.UserResponseAsync(id, cancellationToken);
        if (user is null)
        {
            return AdminUserRules.NotFound();
        }

        var addresses = await AddressRules.ListAsync(db, id, cancellationToken);
        var sessions = await SessionQueries.ActiveSessionsAsync(db, id, null, timeProvider.GetDatabaseNow(), cancellationToken);
        var facts = await db.Set<User>().AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                Erp = new AdminUserErp(u.ErpCustomerId, u.ErpSyncedAt, u.ErpCreditLimitCents, u.ErpTerms, u.ErpCustomerUpdatedAt),
                u.EmailUndeliverableAt,
                u.EmailUndeliverableReason,
            })
            .SingleAsync(cancellationToken);
        var undeliverable = facts.EmailUndeliverableAt is { } since ? new AdminUserEmailUndeliverable(since, facts.EmailUndeliverableReason) : null;
        return TypedResults.Ok(new AdminUserDetail(user, addresses, sessions, facts.Erp, undeliverable));
    }
}
