namespace SbbCommerce.Api.Modules.Cart;

internal static class CartEndpoints
{
    /// <summary>Maps the Cart routes on one group under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapCartEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1").WithTags("Cart");
        _ = group;
        return endpoints;
    }
}
