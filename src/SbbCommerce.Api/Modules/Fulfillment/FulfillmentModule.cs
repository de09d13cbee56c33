namespace SbbCommerce.Api.Modules.Fulfillment;

internal static class FulfillmentModule
{
    /// <summary>Registers the Fulfillment module's services.</summary>
    public static IServiceCollection AddFulfillmentModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
