namespace SbbCommerce.Api.Modules.Integration;

internal static class IntegrationEndpoints
{
    /// <summary>Maps the Integration routes on one group under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapIntegrationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1").WithTags("Integration");
        _ = group;
        return endpoints;
    }
}
