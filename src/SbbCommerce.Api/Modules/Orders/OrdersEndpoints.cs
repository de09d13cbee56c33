namespace SbbCommerce.Api.Modules.Orders;

internal static class OrdersEndpoints
{
    /// <summary>Maps the Orders routes on one group under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapOrdersEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1").WithTags("Orders");
        _ = group;
        return endpoints;
    }
}
