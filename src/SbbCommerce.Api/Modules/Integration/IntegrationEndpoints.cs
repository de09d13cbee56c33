using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Modules.Integration.Admin;
using SbbCommerce.Api.Modules.Integration.Inbox;

namespace SbbCommerce.Api.Modules.Integration;

internal static class IntegrationEndpoints
{
    /// <summary>Maps the Integration routes: outbox and ERP operations for admins.</summary>
    public static IEndpointRouteBuilder MapIntegrationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1").WithTags("Webhooks")
            .MapReceiveWebhook();
        endpoints.MapGroup("/api/v1/admin").WithTags("Integration (admin)")
            .RequireAuthorization(Policies.Admin)
            .MapOutboxAdmin()
            .MapErpAdmin()
            .MapInboxAdmin();
        return endpoints;
    }
}
