using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Events.Stitching;

/// <summary>
/// On login with an X-Anonymous-Id, that visitor's events of the last 30 days become the user's (the design's
/// "Linking Anonymous to Authenticated" UPDATE). The created_at bound keeps the update to recent partitions.
/// </summary>
internal sealed class StitchEventsOnLogin(SbbDbContext db, TimeProvider timeProvider, ILogger<StitchEventsOnLogin> logger) : INotificationHandler<UserLoggedIn>
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public async Task HandleAsync(UserLoggedIn notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.AnonymousId is not { } anonymousId)
        {
            return;
        }

        var since = timeProvider.GetUtcNow() - Window;
        var stitched = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE events SET user_id = {notification.UserId}
             WHERE anonymous_id = {anonymousId} AND user_id IS NULL AND created_at > {since}
            """, cancellationToken);
        EventsLog.Stitched(logger, stitched, notification.UserId);
    }
}
