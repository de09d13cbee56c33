using SbbCommerce.Api.Modules.Fulfillment.Create;
using SbbCommerce.Api.Modules.Fulfillment.Deliver;
using SbbCommerce.Api.Modules.Fulfillment.Label;
using SbbCommerce.Api.Modules.Fulfillment.Queue;
using SbbCommerce.Api.Modules.Fulfillment.Recall;
using SbbCommerce.Api.Modules.Fulfillment.Returns;
using SbbCommerce.Api.Modules.Fulfillment.Ship;
using SbbCommerce.Api.Modules.Fulfillment.Views;

namespace SbbCommerce.Api.Modules.Fulfillment;

internal static class FulfillmentEndpoints
{
    /// <summary>Maps the Fulfillment routes (all admin) on one group under <c>/api/v1/admin</c>.</summary>
    public static IEndpointRouteBuilder MapFulfillmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/api/v1/admin").WithTags("Fulfillment")
            .RequireAuthorization(Policies.Admin);
        admin.MapFulfillmentQueue();
        admin.MapCreateFulfillment();
        admin.MapGetFulfillment();
        admin.MapShipFulfillment();
        admin.MapDeliverFulfillment();
        admin.MapReturns();
        admin.MapBuyLabel();
        admin.MapRecallBatch();
        admin.MapBatchRecipients();
        return endpoints;
    }
}
