using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Security;

namespace SbbCommerce.IntegrationTests.Infrastructure;

/// <summary>
/// Each test class gets its own database, cloned from a template that is migrated (the same db/migrations as
/// production), seeded with the development seeds and given the Hangfire schema once per run. Cloning takes
/// milliseconds, so classes run in parallel without sharing rows.
/// </summary>
internal static class TestDatabases
{
    public const string AdminPassword = "Admin-Test-Pass-2026";
    public const string CustomerPassword = "Customer-Test-Pass-2026";
    private const string TemplateName = "sbb_template";
    private static readonly Lazy<Task> Template = new(CreateTemplateAsync);
    private static readonly SemaphoreSlim CloneLock = new(1, 1);

    /// <summary>A new database cloned from the migrated, seeded template; returns its connection string.</summary>
    public static async Task<string> CreateAsync()
    {
        await Template.Value;
        var name = $"sbb_test_{Guid.NewGuid():N}";
        // CREATE DATABASE ... TEMPLATE fails if anything else is connected to the template: one clone at a time.
        await CloneLock.WaitAsync();
        try
        {
            await ExecuteAsync(await PostgresServer.GetAdminConnectionStringAsync(), $"CREATE DATABASE {name} TEMPLATE {TemplateName}");
        }
        finally
        {
            CloneLock.Release();
        }

        return await ConnectionStringForAsync(name);
    }

    /// <summary>An empty database (no schema) for migration tests.</summary>
    public static async Task<string> CreateEmptyAsync()
    {
        var name = $"sbb_empty_{Guid.NewGuid():N}";
        await ExecuteAsync(await PostgresServer.GetAdminConnectionStringAsync(), $"CREATE DATABASE {name}");
        return await ConnectionStringForAsync(name);
    }

    public static async Task<string> ConnectionStringForAsync(string database) =>
        new NpgsqlConnectionStringBuilder(await PostgresServer.GetAdminConnectionStringAsync()) { Database = database }.ConnectionString;

    public static DatabaseMigrator Migrator(string connectionString, out NpgsqlDataSource dataSource)
    {
        dataSource = NpgsqlDataSource.Create(connectionString);
        return new DatabaseMigrator(dataSource, Configuration(connectionString), NullLogger<DatabaseMigrator>.Instance);
    }

    public static DatabaseSeeder Seeder(string connectionString, NpgsqlDataSource dataSource) =>
        new(dataSource, Configuration(connectionString), new Argon2idPasswordHasher(iterations: 1, memoryKiB: 64), NullLogger<DatabaseSeeder>.Instance);

    public static IConfiguration Configuration(string connectionString) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Seed:AdminEmail"] = "admin@sbb.local",
            ["Seed:AdminPassword"] = AdminPassword,
            ["Seed:CustomerPassword"] = CustomerPassword,
        })
        .Build();

    private static async Task CreateTemplateAsync()
    {
        var admin = await PostgresServer.GetAdminConnectionStringAsync();
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {TemplateName} WITH (FORCE)");
        await ExecuteAsync(admin, $"CREATE DATABASE {TemplateName}");
        var connectionString = await ConnectionStringForAsync(TemplateName);
        var migrator = Migrator(connectionString, out var dataSource);
        await using (dataSource)
        {
            await migrator.MigrateAsync(CancellationToken.None);
            await Seeder(connectionString, dataSource).SeedAsync("development", CancellationToken.None);
            await using var connection = await dataSource.OpenConnectionAsync();
            PostgreSqlObjectsInstaller.Install(connection, "hangfire");
        }

        NpgsqlConnection.ClearAllPools();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
