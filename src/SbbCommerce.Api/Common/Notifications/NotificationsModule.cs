namespace SbbCommerce.Api.Common.Notifications;

internal static class NotificationsModule
{
    /// <summary>The cross-host invalidation channel: one listener per host; modules add their subscribers.</summary>
    public static IServiceCollection AddDatabaseNotifications(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseNotificationState>();
        services.AddHostedService<DatabaseNotificationListener>();
        return services;
    }
}
