using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Addresses.UpdateAddress;

internal static class UpdateAddressEndpoint
{
    public static RouteHandlerBuilder MapUpdateAddress(this RouteGroupBuilder me) =>
        me.MapPut("/addresses/{id:guid}", HandleAsync).WithName("UpdateMyAddress").WithSummary("Replace an address.")
            .WithValidation<AddressRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<AddressResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, AddressRequest request, ICurrentUser currentUser, SbbDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var address = await db.Set<UserAddress>()
            .SingleOrDefaultAsync(a => a.Id == id && a.UserId == currentUser.UserId && a.DeletedAt == null, cancellationToken);
        if (address is null)
        {
            return AddressRules.NotFound();
        }

        if (request.IsDefault)
        {
            await AddressRules.ClearDefaultAsync(db, address.UserId, request.AddressType, except: address.Id, cancellationToken);
        }

        AddressRules.Apply(address, request, request.IsDefault, timeProvider.GetDatabaseNow());
        address.AddressType = request.AddressType;
        address.RecipientName = request.RecipientName;
        address.StreetLine1 = request.StreetLine1;
        address.City = request.City;
        address.StateProvince = request.StateProvince;
        address.PostalCode = request.PostalCode;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(AddressRules.ToResponse(address));
    }
}
