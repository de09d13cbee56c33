namespace SbbCommerce.Api.Common.Persistence;

internal static class PersistenceModule
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = GetConnectionString(configuration);
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));

        // One data source for raw SQL on hot paths (stock reservation, ingest, drains) and health checks.
        // EF and raw SQL share it, so there is one connection pool per host.
        var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString);
        DatabaseEnums.Map(dataSourceBuilder);
        var dataSource = dataSourceBuilder.Build();
        services.AddSingleton(dataSource);

        // Pooled contexts: the hot read paths allocate no new context per request.
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddDbContextPool<SbbDbContext>((provider, options) => options
            .UseNpgsql(dataSource, npgsql => DatabaseEnums.Map(npgsql))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(provider.GetRequiredService<OutboxCommitInterceptor>()));

        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<DatabaseSeeder>();
        services.AddSingleton<DatabaseReadiness>();
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }

    public static string GetConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Postgres")
        ?? throw new InvalidOperationException("ConnectionStrings:Postgres is not configured.");
}
