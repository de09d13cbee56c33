namespace SbbCommerce.Api.Modules.Catalog;

internal static class CatalogModule
{
    /// <summary>Registers the Catalog module's services.</summary>
    public static IServiceCollection AddCatalogModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
