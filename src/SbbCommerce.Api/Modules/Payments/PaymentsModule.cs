using SbbCommerce.Api.Common.Jobs;
using SbbCommerce.Api.Modules.Payments.Admin;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Initiation;
using SbbCommerce.Api.Modules.Payments.Jobs;
using SbbCommerce.Api.Modules.Payments.Ledger;
using SbbCommerce.Api.Modules.Payments.Proofs;
using SbbCommerce.Api.Modules.Payments.Reconciliation;
using SbbCommerce.Api.Modules.Payments.Verification;

namespace SbbCommerce.Api.Modules.Payments;

internal static class PaymentsModule
{
    /// <summary>Registers the Payments module's services.</summary>
    public static IServiceCollection AddPaymentsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.AddScoped<IPaymentsModule, PaymentsModuleService>();
        services.AddScoped<PaymentLedger>();
        services.AddScoped<PaymentVerifier>();
        services.AddScoped<AdminPaymentQueries>();
        services.AddSingleton<ProofFiles>();
        services.AddScoped<ExpirePaymentsJob>();
        services.AddSingleton<IRecurringJobSchedule, PaymentsJobSchedule>();
        services.AddReconciliation(configuration);
        return services;
    }
}
