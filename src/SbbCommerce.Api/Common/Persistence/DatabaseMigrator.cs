using System.Reflection;
using DbUp;
using DbUp.Engine;

namespace SbbCommerce.Api.Common.Persistence;

/// <summary>
/// Applies db/migrations (embedded in this assembly) with DbUp, journaled in <c>public.schemaversions</c>.
/// Two hosts starting together must not both run a script: the whole run holds a PostgreSQL advisory lock,
/// so the second host waits, then finds nothing left to apply. (DbUp gets the configured connection string:
/// the data source's own copy has the password removed.)
/// </summary>
internal sealed partial class DatabaseMigrator(
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    ILogger<DatabaseMigrator> logger)
{
    /// <summary>Arbitrary, fixed key of the migration advisory lock ("SBBMIGR" in ASCII).</summary>
    internal const long MigrationLockKey = 0x5342424D49475200;

    private const string ResourcePrefix = "migrations/";

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using (var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await MigrateUnderLockAsync(lockConnection, cancellationToken);
        }

        // The data source read the database's types on its first connection (the lock), possibly before this host
        // or another one created the enums: flush them and the pooled connection that cached them, or the first
        // reads of enum columns fail ("Reading as 'ProductType' is not supported").
        await dataSource.ReloadTypesAsync(cancellationToken);
        dataSource.Clear();
    }

    private async Task MigrateUnderLockAsync(NpgsqlConnection lockConnection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(lockConnection, $"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
        try
        {
            var result = DeployChanges.To
                .PostgresqlDatabase(PersistenceModule.GetConnectionString(configuration))
                .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(),
                    name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
                .WithTransactionPerScript()
                .WithVariablesDisabled()
                .JournalToPostgresqlTable("public", "schemaversions")
                .LogToNowhere()
                .Build()
                .PerformUpgrade();
            ThrowIfFailed(result);
            foreach (var script in result.Scripts)
            {
                LogScriptApplied(logger, script.Name);
            }
        }
        finally
        {
            await ExecuteAsync(lockConnection, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
    }

    internal static void ThrowIfFailed(DatabaseUpgradeResult result)
    {
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Database script {result.ErrorScript?.Name ?? "(unknown)"} failed: {result.Error.Message}", result.Error);
        }
    }

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Script}")]
    private static partial void LogScriptApplied(ILogger logger, string script);
}
