using SbbCommerce.Api.Common.Jobs;
using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Modules.Events.Contracts;
using SbbCommerce.Api.Modules.Events.Ingest;
using SbbCommerce.Api.Modules.Events.Jobs;
using SbbCommerce.Api.Modules.Events.Recording;
using SbbCommerce.Api.Modules.Events.Retention;
using SbbCommerce.Api.Modules.Events.Rollups;
using SbbCommerce.Api.Modules.Events.Stitching;
using SbbCommerce.Api.Modules.Events.Writing;
using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.Api.Modules.Events;

internal static class EventsModule
{
    /// <summary>Registers the Events module's services.</summary>
    public static IServiceCollection AddEventsModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<EventsOptions>(configuration.GetSection(EventsOptions.Section));
        services.AddScoped<IEventRecorder, ServerEventRecorder>();
        services.AddScoped<INotificationHandler<UserLoggedIn>, StitchEventsOnLogin>();
        services.AddSingleton<EventInputValidator>();
        services.AddSingleton<EventIngestor>();
        // The drain rate is a throughput measurement, not business time: always the system clock.
        services.AddSingleton(_ => new EventDrainRate(TimeProvider.System));
        services.AddSingleton<EventWriteQueue>();
        services.AddSingleton<EventCopyWriter>();
        services.AddHostedService<EventWriterService>();
        services.AddScoped<EventRetentionJob>();
        services.AddSingleton<Analytics.EventAnalyticsQueries>();
        services.AddSingleton<EventRollups>();
        services.AddHostedService<EventRollupFolder>();
        services.AddSingleton<IRecurringJobSchedule, EventsJobSchedule>();
        return services;
    }
}
