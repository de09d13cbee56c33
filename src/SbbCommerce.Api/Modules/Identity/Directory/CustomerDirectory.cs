using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Directory;

internal sealed class CustomerDirectory(SbbDbContext db) : ICustomerDirectory
{
    public async Task<IReadOnlyList<CustomerContact>> GetContactsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        await (from user in db.Set<User>().AsNoTracking()
               join profile in db.Set<UserProfile>().AsNoTracking() on user.Id equals profile.UserId into profiles
               from profile in profiles.DefaultIfEmpty()
               where userIds.Contains(user.Id)
               select new CustomerContact(user.Id, user.Email, profile!.FirstName, profile != null && profile.MarketingConsent))
            .ToListAsync(cancellationToken);

    public Task<CustomerAddress?> GetAddressAsync(Guid userId, Guid addressId, CancellationToken cancellationToken) =>
        db.Set<UserAddress>().AsNoTracking()
            .Where(a => a.Id == addressId && a.UserId == userId && a.DeletedAt == null)
            .Select(a => new CustomerAddress(a.Id, a.AddressType, a.RecipientName, a.Company, a.StreetLine1, a.StreetLine2, a.City,
                a.StateProvince, a.PostalCode, a.CountryCode, a.Phone))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<CustomerCompliance?> GetComplianceAsync(Guid userId, CancellationToken cancellationToken)
    {
        var row = await (from user in db.Set<User>().AsNoTracking()
                         join profile in db.Set<UserProfile>().AsNoTracking() on user.Id equals profile.UserId into profiles
                         from profile in profiles.DefaultIfEmpty()
                         where user.Id == userId
                         select new { user, profile!.FirstName, profile.LastName })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new CustomerCompliance(row.user.Id, row.user.Email, $"{row.FirstName} {row.LastName}".Trim(), row.user.Status,
                row.user.EmailVerified, row.user.AgeVerified, row.user.KycStatus ?? "not_required");
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> GetPayerNamesAsync(IReadOnlyCollection<Guid> userIds,
        CancellationToken cancellationToken)
    {
        var people = await (from user in db.Set<User>().AsNoTracking()
                            join profile in db.Set<UserProfile>().AsNoTracking() on user.Id equals profile.UserId into profiles
                            from profile in profiles.DefaultIfEmpty()
                            where userIds.Contains(user.Id)
                            select new { user.Id, user.Email, First = profile!.FirstName, Last = profile!.LastName }).ToListAsync(cancellationToken);
        var recipients = await db.Set<UserAddress>().AsNoTracking().Where(a => userIds.Contains(a.UserId) && a.DeletedAt == null)
            .Select(a => new { a.UserId, a.RecipientName }).ToListAsync(cancellationToken);
        return people.ToDictionary(p => p.Id, p => (IReadOnlyList<string>)new[] { $"{p.First} {p.Last}".Trim(), p.Email }
            .Concat(recipients.Where(r => r.UserId == p.Id).Select(r => r.RecipientName))
            .Where(name => !string.IsNullOrWhiteSpace(name)).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }
}
