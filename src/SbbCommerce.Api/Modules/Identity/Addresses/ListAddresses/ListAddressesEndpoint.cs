using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Addresses.ListAddresses;

internal static class ListAddressesEndpoint
{
    public static RouteHandlerBuilder MapListAddresses(this RouteGroupBuilder me) =>
        me.MapGet("/addresses", HandleAsync).WithName("ListMyAddresses").WithSummary("The user's addresses (not deleted).");

    private static async Task<Ok<List<AddressResponse>>> HandleAsync(ICurrentUser currentUser, SbbDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Set<UserAddress>().AsNoTracking()
            .Where(a => a.UserId == currentUser.UserId && a.DeletedAt == null)
            .OrderBy(a => a.AddressType).ThenByDescending(a => a.IsDefault).ThenBy(a => a.CreatedAt)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(AddressRules.ToResponse).ToList());
    }
}
