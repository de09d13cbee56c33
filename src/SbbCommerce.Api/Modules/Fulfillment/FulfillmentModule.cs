using SbbCommerce.Api.Modules.Fulfillment.Erp;
using SbbCommerce.Api.Modules.Integration.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment;

internal static class FulfillmentModule
{
    /// <summary>Registers the Fulfillment module's services.</summary>
    public static IServiceCollection AddFulfillmentModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScoped<FulfillmentErpWriteBack>();
        services.AddScoped<IErpSyncWriteBack>(provider => provider.GetRequiredService<FulfillmentErpWriteBack>());
        return services;
    }
}
