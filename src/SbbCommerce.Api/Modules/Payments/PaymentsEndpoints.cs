using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Modules.Payments.Admin;
using SbbCommerce.Api.Modules.Payments.Customer;
using SbbCommerce.Api.Modules.Payments.Methods;
using SbbCommerce.Api.Modules.Payments.Reconciliation;
using SbbCommerce.Api.Modules.Payments.Refunds;

namespace SbbCommerce.Api.Modules.Payments;

internal static class PaymentsEndpoints
{
    /// <summary>Maps /payment-methods, the customer's payments and the admin payment routes.</summary>
    public static IEndpointRouteBuilder MapPaymentsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1").WithTags("Payments")
            .MapPublicPaymentMethods()
            .MapCustomerPayments();
        endpoints.MapGroup("/api/v1/admin").WithTags("Payments (admin)")
            .RequireAuthorization(Policies.Admin)
            .MapAdminPayments()
            .MapRefunds()
            .MapAdminPaymentMethods();
        endpoints.MapGroup("/api/v1/admin").WithTags("Reconciliation (admin)")
            .RequireAuthorization(Policies.Admin)
            .MapReconciliation();
        return endpoints;
    }
}
