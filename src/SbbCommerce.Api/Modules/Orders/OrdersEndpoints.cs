using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Modules.Orders.AdminGetOrder;
using SbbCommerce.Api.Modules.Orders.CancelMyOrder;
using SbbCommerce.Api.Modules.Orders.ChangeOrderStatus;
using SbbCommerce.Api.Modules.Orders.Checkout;
using SbbCommerce.Api.Modules.Orders.GetMyOrder;
using SbbCommerce.Api.Modules.Orders.ListMyOrders;
using SbbCommerce.Api.Modules.Orders.OrderNotes;
using SbbCommerce.Api.Modules.Orders.SearchOrders;

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
            .MapListMyOrders()
            .MapGetMyOrder()
            .MapCancelMyOrder();
        endpoints.MapGroup("/api/v1/admin").WithTags("Orders (admin)")
            .RequireAuthorization(Policies.Admin)
            .MapSearchOrders()
            .MapAdminGetOrder()
            .MapChangeOrderStatus()
            .MapOrderNotes();
        return endpoints;
    }
}
