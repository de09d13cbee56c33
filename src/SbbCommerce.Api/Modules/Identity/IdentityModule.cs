namespace SbbCommerce.Api.Modules.Identity;

internal static class IdentityModule
{
    /// <summary>Registers the Identity module's services.</summary>
    public static IServiceCollection AddIdentityModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
