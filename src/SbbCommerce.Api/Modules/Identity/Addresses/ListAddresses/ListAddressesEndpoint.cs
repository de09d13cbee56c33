namespace SbbCommerce.Api.Modules.Identity.Addresses.ListAddresses;

internal static class ListAddressesEndpoint
{
    public static RouteHandlerBuilder MapListAddresses(this RouteGroupBuilder me) =>
        me.MapGet("/addresses", HandleAsync).WithName("ListMyAddresses").WithSummary("The user's addresses (not deleted).");

    private static async Task<Ok<List<AddressResponse>>> HandleAsync(ICurrentUser currentUser, SbbDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AddressRules.ListAsync(db, currentUser.UserId!.Value, cancellationToken));
}
