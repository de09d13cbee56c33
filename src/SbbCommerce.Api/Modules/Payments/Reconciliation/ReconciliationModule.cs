using SbbCommerce.Api.Common.Jobs;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Import;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Jobs;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Layouts;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Matching;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Queue;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation;

/// <summary>Statement reconciliation, a part of the Payments module: import, matching, the admin queue.</summary>
internal static class ReconciliationModule
{
    public static IServiceCollection AddReconciliation(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReconciliationOptions>(configuration.GetSection(ReconciliationOptions.Section));
        services.AddSingleton<StatementLayouts>();
        services.AddScoped<StatementImporter>();
        services.AddScoped<LineEvaluator>();
        services.AddScoped<LineBooking>();
        services.AddScoped<ReconciliationMatcher>();
        services.AddScoped<ReconciliationQueries>();
        services.AddScoped<LineDecisions>();
        services.AddScoped<ReusedProofs.ReusedProofs>();
        services.AddScoped<ReconciliationMatchJob>();
        services.AddSingleton<IRecurringJobSchedule, ReconciliationJobSchedule>();
        return services;
    }
}
