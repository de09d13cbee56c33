namespace SbbCommerce.Api.Modules.Payments;

internal static class PaymentsEndpoints
{
    /// <summary>Maps the Payments routes on one group under <c>/api/v1</c>.</summary>
    public static IEndpointRouteBuilder MapPaymentsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1").WithTags("Payments");
        _ = group;
        return endpoints;
    }
}
