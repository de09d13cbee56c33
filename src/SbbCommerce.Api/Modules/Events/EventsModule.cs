using SbbCommerce.Api.Modules.Events.Contracts;
using SbbCommerce.Api.Modules.Events.Recording;

namespace SbbCommerce.Api.Modules.Events;

internal static class EventsModule
{
    /// <summary>Registers the Events module's services.</summary>
    public static IServiceCollection AddEventsModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScoped<IEventRecorder, ServerEventRecorder>();
        return services;
    }
}
