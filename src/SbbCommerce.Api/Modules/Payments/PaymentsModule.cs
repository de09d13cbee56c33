using SbbCommerce.Api.Common.Jobs;
using SbbCommerce.Api.Modules.Integration.Contracts;
using SbbCommerce.Api.Modules.Payments.Admin;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Customer.CreatePayment;
using SbbCommerce.Api.Modules.Payments.Customer.SubmitProof;
using SbbCommerce.Api.Modules.Payments.Erp;
using SbbCommerce.Api.Modules.Payments.Initiation;
using SbbCommerce.Api.Modules.Payments.Jobs;
using SbbCommerce.Api.Modules.Payments.Ledger;
using SbbCommerce.Api.Modules.Payments.Proofs;
using SbbCommerce.Api.Modules.Payments.Reconciliation;
using SbbCommerce.Api.Modules.Payments.Refunds.CompleteRefund;
using SbbCommerce.Api.Modules.Payments.Refunds.CreateRefund;
using SbbCommerce.Api.Modules.Payments.Verification;

namespace SbbCommerce.Api.Modules.Payments;

internal static class PaymentsModule
{
    /// <summary>Registers the Payments module's services.</summary>
    public static IServiceCollection AddPaymentsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.AddOptions<StorageOptions>().PostConfigure<IHostEnvironment>((storage, host) =>
            storage.Root = RepositoryPaths.Resolve(storage.Root, host.ContentRootPath));
        services.AddScoped<IPaymentsModule, PaymentsModuleService>();
        services.AddScoped<PaymentLedger>();
        services.AddScoped<PaymentVerifier>();
        services.AddScoped<AdminPaymentQueries>();
        services.AddScoped<CreatePaymentHandler>();
        services.AddScoped<SubmitProofHandler>();
        services.AddScoped<CreateRefundHandler>();
        services.AddScoped<CompleteRefundHandler>();
        services.AddSingleton<ProofFiles>();
        services.AddSingleton<Common.Telemetry.IGaugeSource, Verification.VerificationQueueGauges>();
        services.AddScoped<ExpirePaymentsJob>();
        services.AddScoped<OrphanProofCleanupJob>();
        services.AddSingleton<IRecurringJobSchedule, PaymentsJobSchedule>();
        services.AddScoped<PaymentsErpSync>();
        services.AddScoped<IErpSyncWriteBack>(provider => provider.GetRequiredService<PaymentsErpSync>());
        services.AddScoped<IErpResync>(provider => provider.GetRequiredService<PaymentsErpSync>());
        services.AddReconciliation(configuration);
        services.AddScoped<IInboundWebhookHandler, Receipts.ErpPaymentReceiptHandler>();
        return services;
    }
}
