using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Admin;

/// <summary>User search for admins: email prefix or name prefix, status and role filters, newest first, keyset pages.</summary>
internal static class AdminUserSearch
{
    public static async Task<PagedResponse<AdminUserSummary>> SearchAsync(
        SbbDbContext db, string? q, UserStatus? status, UserRole? role, PageRequest page, CreatedIdCursor? after, CancellationToken cancellationToken)
    {
        var query = from user in db.Set<User>().AsNoTracking()
                    join profile in db.Set<UserProfile>().AsNoTracking() on user.Id equals profile.UserId into profiles
                    from profile in profiles.DefaultIfEmpty()
                    select new { user, profile };
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            var prefix = LikePatterns.Prefix(term);
            query = query.Where(row => EF.Functions.Like(row.user.Email, prefix)
                || EF.Functions.ILike(row.profile!.FirstName!, prefix)
                || EF.Functions.ILike(row.profile!.LastName!, prefix));
        }

        if (status is not null)
        {
            query = query.Where(row => row.user.Status == status);
        }

        if (role is not null)
        {
            query = query.Where(row => row.user.Role == role);
        }

        var rows = await query.Page(page, after, row => row.user.CreatedAt, row => row.user.Id)
            .Select(row => new AdminUserSummary(row.user.Id, row.user.Email, row.profile!.FirstName, row.profile!.LastName,
                row.user.Role, row.user.Status, row.user.EmailVerified, row.user.AgeVerified, row.user.KycStatus, row.user.CreatedAt))
            .ToListAsync(cancellationToken);
        return KeysetCursor.ToPage(rows, page.Limit, row => row, row => new CreatedIdCursor(row.CreatedAt, row.Id));
    }
}
