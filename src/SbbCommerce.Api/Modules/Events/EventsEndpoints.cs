using SbbCommerce.Api.Modules.Events.AttributionReport;
using SbbCommerce.Api.Modules.Events.FunnelReport;
using SbbCommerce.Api.Modules.Events.Ingest;
using SbbCommerce.Api.Modules.Events.ProductsReport;

namespace SbbCommerce.Api.Modules.Events;

internal static class EventsEndpoints
{
    /// <summary>Maps POST /events and the admin analytics under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapEventsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Events");
        api.MapIngest();
        var admin = endpoints.MapGroup("/api/v1/admin").WithTags("Analytics (admin)")
            .RequireAuthorization(Policies.Admin);
        admin.MapAttributionReport();
        admin.MapFunnelReport();
        admin.MapProductsReport();
        return endpoints;
    }
}
