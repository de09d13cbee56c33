using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Common.Validation;
using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Addresses;

/// <summary>
/// The user's addresses. At most one default per type: the database enforces it (a partial unique index), and
/// setting a new default first clears the old one in the same transaction. Delete is soft.
/// </summary>
internal static class AddressEndpoints
{
    public static RouteGroupBuilder MapAddresses(this RouteGroupBuilder me)
    {
        me.MapGet("/addresses", ListAsync).WithName("ListMyAddresses").WithSummary("The user's addresses (not deleted).");
        me.MapPost("/addresses", CreateAsync).WithName("CreateMyAddress").WithSummary("Add an address.")
            .WithValidation<AddressRequest>();
        me.MapPut("/addresses/{id:guid}", UpdateAsync).WithName("UpdateMyAddress").WithSummary("Replace an address.")
            .WithValidation<AddressRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        me.MapDelete("/addresses/{id:guid}", DeleteAsync).WithName("DeleteMyAddress").WithSummary("Soft-delete an address.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return me;
    }

    private static async Task<Ok<List<AddressResponse>>> ListAsync(ICurrentUser currentUser, SbbDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Set<UserAddress>().AsNoTracking()
            .Where(a => a.UserId == currentUser.UserId && a.DeletedAt == null)
            .OrderBy(a => a.AddressType).ThenByDescending(a => a.IsDefault).ThenBy(a => a.CreatedAt)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(ToResponse).ToList());
    }

    private static async Task<Created<AddressResponse>> CreateAsync(
        AddressRequest request, ICurrentUser currentUser, SbbDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId!.Value;
        var now = timeProvider.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The first address of a type becomes its default: the storefront then has something to preselect.
        var makeDefault = request.IsDefault || !await db.Set<UserAddress>().AnyAsync(
            a => a.UserId == userId && a.AddressType == request.AddressType && a.DeletedAt == null && a.IsDefault, cancellationToken);
        if (makeDefault)
        {
            await ClearDefaultAsync(db, userId, request.AddressType, except: null, cancellationToken);
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
        Apply(address, request, makeDefault, now);
        db.Set<UserAddress>().Add(address);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/me/addresses/{address.Id}", ToResponse(address));
    }

    private static async Task<Results<Ok<AddressResponse>, ProblemHttpResult>> UpdateAsync(
        Guid id, AddressRequest request, ICurrentUser currentUser, SbbDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var address = await db.Set<UserAddress>()
            .SingleOrDefaultAsync(a => a.Id == id && a.UserId == currentUser.UserId && a.DeletedAt == null, cancellationToken);
        if (address is null)
        {
            return NotFound();
        }

        if (request.IsDefault)
        {
            await ClearDefaultAsync(db, address.UserId, request.AddressType, except: address.Id, cancellationToken);
        }

        Apply(address, request, request.IsDefault, timeProvider.GetUtcNow());
        address.AddressType = request.AddressType;
        address.RecipientName = request.RecipientName;
        address.StreetLine1 = request.StreetLine1;
        address.City = request.City;
        address.StateProvince = request.StateProvince;
        address.PostalCode = request.PostalCode;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(address));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ICurrentUser currentUser, SbbDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var deleted = await db.Set<UserAddress>()
            .Where(a => a.Id == id && a.UserId == currentUser.UserId && a.DeletedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.DeletedAt, now).SetProperty(a => a.IsDefault, false)
                .SetProperty(a => a.UpdatedAt, now), cancellationToken);
        return deleted == 1 ? TypedResults.NoContent() : NotFound();
    }

    /// <summary>Runs before the new default is saved, so the unique index never sees two defaults.</summary>
    private static Task<int> ClearDefaultAsync(SbbDbContext db, Guid userId, string addressType, Guid? except, CancellationToken cancellationToken) =>
        db.Set<UserAddress>()
            .Where(a => a.UserId == userId && a.AddressType == addressType && a.IsDefault && a.DeletedAt == null && a.Id != except)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.IsDefault, false), cancellationToken);

    private static void Apply(UserAddress address, AddressRequest request, bool isDefault, DateTimeOffset now)
    {
        address.IsDefault = isDefault;
        address.Label = request.Label;
        address.Company = request.Company;
        address.StreetLine2 = request.StreetLine2;
        address.CountryCode = request.CountryCode ?? "US";
        address.Phone = request.Phone;
        address.UpdatedAt = now;
    }

    private static AddressResponse ToResponse(UserAddress a) => new(
        a.Id, a.AddressType, a.IsDefault, a.Label, a.RecipientName, a.Company, a.StreetLine1, a.StreetLine2, a.City,
        a.StateProvince, a.PostalCode, a.CountryCode, a.Phone, a.CreatedAt, a.UpdatedAt);

    private static ProblemHttpResult NotFound() => ApiProblems.NotFound(IdentityErrors.AddressNotFound, "Address not found.");
}
