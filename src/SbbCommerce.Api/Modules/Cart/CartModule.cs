namespace SbbCommerce.Api.Modules.Cart;

internal static class CartModule
{
    /// <summary>Registers the Cart module's services.</summary>
    public static IServiceCollection AddCartModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
