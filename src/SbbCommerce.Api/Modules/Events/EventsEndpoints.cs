namespace SbbCommerce.Api.Modules.Events;

internal static class EventsEndpoints
{
    /// <summary>Maps the Events routes on one group under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapEventsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1").WithTags("Events");
        _ = group;
        return endpoints;
    }
}
