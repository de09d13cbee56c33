using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.History;

namespace SbbCommerce.Api.Modules.Orders;

internal static class OrdersModule
{
    /// <summary>Registers the Orders module's services.</summary>
    public static IServiceCollection AddOrdersModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScoped<IOrderHistory, OrderHistory>();
        return services;
    }
}
