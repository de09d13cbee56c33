using SbbCommerce.Api.Modules.Payments.Methods;

namespace SbbCommerce.Api.Modules.Payments;

internal static class PaymentsEndpoints
{
    /// <summary>Maps the Payments routes.</summary>
    public static IEndpointRouteBuilder MapPaymentsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1").WithTags("Payments")
            .MapPublicPaymentMethods();
        return endpoints;
    }
}
