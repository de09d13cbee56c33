namespace SbbCommerce.Api.Modules.Catalog;

internal static class CatalogEndpoints
{
    /// <summary>Maps the Catalog routes on one group under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1").WithTags("Catalog");
        _ = group;
        return endpoints;
    }
}
