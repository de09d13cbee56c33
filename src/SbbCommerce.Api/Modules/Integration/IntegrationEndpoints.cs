using SbbCommerce.Api.Modules.Integration.ErpResync;
using SbbCommerce.Api.Modules.Integration.ErpStatus;
using SbbCommerce.Api.Modules.Integration.GetOutboxMessage;
using SbbCommerce.Api.Modules.Integration.GetWebhookInboxMessage;
using SbbCommerce.Api.Modules.Integration.Inbox;
using SbbCommerce.Api.Modules.Integration.ListOutbox;
using SbbCommerce.Api.Modules.Integration.ListWebhookInbox;
using SbbCommerce.Api.Modules.Integration.ReplayWebhook;
using SbbCommerce.Api.Modules.Integration.RetryOutboxMessage;

namespace SbbCommerce.Api.Modules.Integration;

internal static class IntegrationEndpoints
{
    /// <summary>Maps the Integration routes: outbox and ERP operations for admins.</summary>
    public static IEndpointRouteBuilder MapIntegrationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Webhooks");
        api.MapReceiveWebhook();
        var admin = endpoints.MapGroup("/api/v1/admin").WithTags("Integration (admin)")
            .RequireAuthorization(Policies.Admin);
        admin.MapListOutbox();
        admin.MapGetOutboxMessage();
        admin.MapRetryOutboxMessage();
        admin.MapErpStatus();
        admin.MapErpResync();
        admin.MapListWebhookInbox();
        admin.MapGetWebhookInboxMessage();
        admin.MapReplayWebhook();
        return endpoints;
    }
}
