using Hangfire;
using Hangfire.PostgreSql;

namespace SbbCommerce.Api.Common.Jobs;

internal static class HangfireModule
{
    public static IServiceCollection AddSbbHangfire(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(HangfireOptions.Section).Get<HangfireOptions>() ?? new HangfireOptions();
        services.Configure<HangfireOptions>(configuration.GetSection(HangfireOptions.Section));
        var connectionString = PersistenceModule.GetConnectionString(configuration);
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                bootstrapper => bootstrapper.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = options.SchemaName,
                    // The schema is installed by HangfireServerHost once the database answers, so a host whose
                    // database is down still starts (live, not ready).
                    PrepareSchemaIfNecessary = false,
                    // Several hosts share one storage: distributed locks and queue polling must tolerate that.
                    QueuePollInterval = TimeSpan.FromSeconds(5),
                }));
        services.AddHostedService<HangfireServerHost>();
        services.AddScoped<IdempotencyKeyCleanupJob>();
        services.AddScoped<PartitionMaintenanceJob>();
        return services;
    }

    /// <summary>The dashboard at <c>/hangfire</c>, for admins only (anonymous 401, other roles 403).</summary>
    public static IEndpointRouteBuilder MapSbbHangfireDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            // Authorization is the endpoint policy below; Hangfire's default (local requests only) is replaced.
            Authorization = [],
            DisplayStorageConnectionString = false,
            DashboardTitle = "SbbCommerce jobs",
        }).RequireAuthorization(Policies.Admin);
        return endpoints;
    }
}
