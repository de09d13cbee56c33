namespace SbbCommerce.Api.Modules.Identity;

internal static class IdentityEndpoints
{
    /// <summary>Maps the Identity routes on one group under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1").WithTags("Identity");
        _ = group;
        return endpoints;
    }
}
