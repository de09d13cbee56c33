using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Modules.Orders.Admin;
using SbbCommerce.Api.Modules.Orders.Checkout;
using SbbCommerce.Api.Modules.Orders.Customer;

namespace SbbCommerce.Api.Modules.Orders;

internal static class OrdersEndpoints
{
    /// <summary>Maps /compliance, /checkout, /orders (the user's) and /admin/orders.</summary>
    public static IEndpointRouteBuilder MapOrdersEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1").WithTags("Checkout")
            .MapCheckout();
        endpoints.MapGroup("/api/v1/orders").WithTags("Orders")
            .RequireAuthorization(Policies.User)
            .MapCustomerOrders();
        endpoints.MapGroup("/api/v1/admin").WithTags("Orders (admin)")
            .RequireAuthorization(Policies.Admin)
            .MapAdminOrders();
        return endpoints;
    }
}
