namespace SbbCommerce.Api.Modules.Fulfillment;

internal static class FulfillmentEndpoints
{
    /// <summary>Maps the Fulfillment routes on one group under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapFulfillmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1").WithTags("Fulfillment");
        _ = group;
        return endpoints;
    }
}
