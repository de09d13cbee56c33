using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Initiation;

namespace SbbCommerce.Api.Modules.Payments;

internal static class PaymentsModule
{
    /// <summary>Registers the Payments module's services.</summary>
    public static IServiceCollection AddPaymentsModule(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScoped<IPaymentsModule, PaymentsModuleService>();
        return services;
    }
}
