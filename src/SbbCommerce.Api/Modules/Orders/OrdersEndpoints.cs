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
        var api = endpoints.MapGroup("/api/v1").WithTags("Checkout");
        api.MapCheckout();
        var orders = endpoints.MapGroup("/api/v1/orders").WithTags("Orders")
            .RequireAuthorization(Policies.User);
        orders.MapListMyOrders();
        orders.MapGetMyOrder();
        orders.MapCancelMyOrder();
        var admin = endpoints.MapGroup("/api/v1/admin").WithTags("Orders (admin)")
            .RequireAuthorization(Policies.Admin);
        admin.MapSearchOrders();
        admin.MapAdminGetOrder();
        admin.MapChangeOrderStatus();
        admin.MapOrderNotes();
        return endpoints;
    }
}
