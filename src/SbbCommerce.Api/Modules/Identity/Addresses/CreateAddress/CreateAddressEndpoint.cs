using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Addresses.CreateAddress;

internal static class CreateAddressEndpoint
{
    public static RouteHandlerBuilder MapCreateAddress(this RouteGroupBuilder me) =>
        me.MapPost("/addresses", HandleAsync).WithName("CreateMyAddress").WithSummary("Add an address.")
            .WithValidation<AddressRequest>();

    private static async Task<Created<AddressResponse>> HandleAsync(
        AddressRequest request, ICurrentUser currentUser, SbbDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId!.Value;
        var now = timeProvider.GetDatabaseNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The first address of a type becomes its default: the storefront then has something to preselect.
        var makeDefault = request.IsDefault || !await db.Set<UserAddress>().AnyAsync(
            a => a.UserId == userId && a.AddressType == request.AddressType && a.DeletedAt == null && a.IsDefault, cancellationToken);
        if (makeDefault)
        {
            await AddressRules.ClearDefaultAsync(db, userId, request.AddressType, except: null, cancellationToken);
        }

        var address = new UserAddress
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            AddressType = request.AddressType,
            RecipientName = request.RecipientName,
            StreetLine1 = request.StreetLine1,
            City = request.City,
            StateProvince = request.StateProvince,
            PostalCode = request.PostalCode,
            CreatedAt = now,
        };
        AddressRules.Apply(address, request, makeDefault, now);
        db.Set<UserAddress>().Add(address);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/me/addresses/{address.Id}", AddressRules.ToResponse(address));
    }
}
