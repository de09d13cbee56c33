using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Create;
using SbbCommerce.Api.Modules.Fulfillment.Recall;
using SbbCommerce.Api.Modules.Fulfillment.Ship;
using SbbCommerce.Api.Modules.Fulfillment.Shipping;
using SbbCommerce.Api.Modules.Fulfillment.Views;

namespace SbbCommerce.Api.Modules.Fulfillment;

internal static class FulfillmentModule
{
    /// <summary>Registers the Fulfillment module's services.</summary>
    public static IServiceCollection AddFulfillmentModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<ShippingOptions>(configuration.GetSection(ShippingOptions.Section));
        services.AddSingleton<IShippingRates, ShippingRates>();
        services.AddScoped<IOrderShipments, OrderShipments>();
        services.AddScoped<FulfillmentReader>();
        services.AddScoped<CreateFulfillmentHandler>();
        services.AddScoped<ShipFulfillmentHandler>();
        services.AddScoped<BatchRecipients>();
        return services;
    }
}
