using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Addresses;

/// <summary>
/// What the address slices share. At most one default per type: the database enforces it (a partial unique index), and
/// setting a new default first clears the old one in the same transaction. Delete is soft.
/// </summary>
internal static class AddressRules
{
    /// <summary>Runs before the new default is saved, so the unique index never sees two defaults.</summary>
    internal static Task<int> ClearDefaultAsync(SbbDbContext db, Guid userId, string addressType, Guid? except, CancellationToken cancellationToken) =>
        db.Set<UserAddress>()
            .Where(a => a.UserId == userId && a.AddressType == addressType && a.IsDefault && a.DeletedAt == null && a.Id != except)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.IsDefault, false), cancellationToken);

    internal static void Apply(UserAddress address, AddressRequest request, bool isDefault, DateTimeOffset now)
    {
        address.IsDefault = isDefault;
        address.Label = request.Label;
        address.Company = request.Company;
        address.StreetLine2 = request.StreetLine2;
        address.CountryCode = request.CountryCode ?? "US";
        address.Phone = request.Phone;
        address.UpdatedAt = now;
    }

    /// <summary>The user's addresses (not deleted) by type, each type's default first, as the user and admins see them.</summary>
    internal static async Task<List<AddressResponse>> ListAsync(SbbDbContext db, Guid userId, CancellationToken cancellationToken) =>
        (await db.Set<UserAddress>().AsNoTracking()
            .Where(a => a.UserId == userId && a.DeletedAt == null)
            .OrderBy(a => a.AddressType).ThenByDescending(a => a.IsDefault).ThenBy(a => a.CreatedAt)
            .ToListAsync(cancellationToken))
        .Select(ToResponse).ToList();

    internal static AddressResponse ToResponse(UserAddress a) => new(
        a.Id, a.AddressType, a.IsDefault, a.Label, a.RecipientName, a.Company, a.StreetLine1, a.StreetLine2, a.City,
        a.StateProvince, a.PostalCode, a.CountryCode, a.Phone, a.CreatedAt, a.UpdatedAt);

    internal static ProblemHttpResult NotFound() => ApiProblems.NotFound(IdentityErrors.AddressNotFound, "Address not found.");
}
