namespace SbbCommerce.Api.Modules.Integration;

internal static class IntegrationModule
{
    /// <summary>Registers the Integration module's services.</summary>
    public static IServiceCollection AddIntegrationModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
