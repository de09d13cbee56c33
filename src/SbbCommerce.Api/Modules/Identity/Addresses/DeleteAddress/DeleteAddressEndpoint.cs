using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Addresses.DeleteAddress;

internal static class DeleteAddressEndpoint
{
    public static RouteHandlerBuilder MapDeleteAddress(this RouteGroupBuilder me) =>
        me.MapDelete("/addresses/{id:guid}", HandleAsync).WithName("DeleteMyAddress").WithSummary("Soft-delete an address.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid id, ICurrentUser currentUser, SbbDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetDatabaseNow();
        var deleted = await db.Set<UserAddress>()
            .Where(a => a.Id == id && a.UserId == currentUser.UserId && a.DeletedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.DeletedAt, now).SetProperty(a => a.IsDefault, false)
                .SetProperty(a => a.UpdatedAt, now), cancellationToken);
        return deleted == 1 ? TypedResults.NoContent() : AddressRules.NotFound();
    }
}
