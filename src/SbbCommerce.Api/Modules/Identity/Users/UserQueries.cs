using SbbCommerce.Api.Modules.Identity.Data;

namespace SbbCommerce.Api.Modules.Identity.Users;

/// <summary>Reads shared by the Identity slices.</summary>
internal static class UserQueries
{
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static Task<UserProfile?> ProfileOfAsync(this SbbDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Set<UserProfile>().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);

    /// <summary>The user and their profile, tracked for a change; null when either is missing.</summary>
    public static async Task<(User User, UserProfile Profile)?> UserWithProfileAsync(this SbbDbContext db, Guid userId, CancellationToken cancellationToken) =>
        await db.Set<User>().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) is { } user
        && await db.ProfileOfAsync(userId, cancellationToken) is { } profile
            ? (user, profile)
            : null;

    public static async Task<UserResponse?> UserResponseAsync(this SbbDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var user = await db.Set<User>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var profile = await db.Set<UserProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return UserResponse.From(user, profile);
    }
}
