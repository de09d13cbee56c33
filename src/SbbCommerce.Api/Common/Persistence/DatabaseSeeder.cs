using System.Reflection;
using DbUp;
using DbUp.Helpers;
using SbbCommerce.Api.Common.Security;

namespace SbbCommerce.Api.Common.Persistence;

/// <summary>
/// Runs db/seeds/base then db/seeds/{environment}, every time (no journal): the scripts are idempotent
/// (ON CONFLICT), so seeding twice adds nothing. Passwords come from configuration and are hashed here,
/// so no secret and no hash is written in the repository.
/// </summary>
internal sealed partial class DatabaseSeeder(
    NpgsqlDataSource dataSource,
    IConfiguration configuration,
    IPasswordHasher passwordHasher,
    ILogger<DatabaseSeeder> logger)
{
    public static readonly IReadOnlySet<string> Environments =
        new HashSet<string>(StringComparer.Ordinal) { "development", "staging", "production" };

    public async Task SeedAsync(string environment, CancellationToken cancellationToken)
    {
        if (!Environments.Contains(environment))
        {
            throw new ArgumentException($"Unknown seed environment '{environment}'. Use one of: {string.Join(", ", Environments)}.", nameof(environment));
        }

        await using var lockConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await DatabaseMigrator.ExecuteAsync(lockConnection, $"SELECT pg_advisory_lock({DatabaseMigrator.MigrationLockKey})", cancellationToken);
        try
        {
            foreach (var folder in new[] { "base", environment })
            {
                var prefix = $"seeds/{folder}/";
                var result = DeployChanges.To
                    .PostgresqlDatabase(PersistenceModule.GetConnectionString(configuration))
                    .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(),
                        name => name.StartsWith(prefix, StringComparison.Ordinal))
                    .WithTransactionPerScript()
                    .WithVariables(Variables(environment))
                    .JournalTo(new NullJournal())
                    .LogToNowhere()
                    .Build()
                    .PerformUpgrade();
                DatabaseMigrator.ThrowIfFailed(result);
                var scripts = result.Scripts.Count();
                LogSeeded(logger, folder, scripts);
            }
        }
        finally
        {
            await DatabaseMigrator.ExecuteAsync(lockConnection, $"SELECT pg_advisory_unlock({DatabaseMigrator.MigrationLockKey})", CancellationToken.None);
        }
    }

    private Dictionary<string, string> Variables(string environment)
    {
        var seed = configuration.GetSection("Seed");
        var adminPassword = seed["AdminPassword"];
        if (string.IsNullOrWhiteSpace(adminPassword))
        {
            throw new InvalidOperationException("Seed:AdminPassword is required to seed the first admin.");
        }

        var adminEmail = seed["AdminEmail"] ?? (environment == "development" ? "admin@sbb.local" : null)
            ?? throw new InvalidOperationException("Seed:AdminEmail is required outside development.");
        var customerPassword = seed["CustomerPassword"] ?? adminPassword;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["admin_email"] = SqlLiteral(adminEmail.Trim().ToLowerInvariant()),
            ["admin_password_hash"] = SqlLiteral(passwordHasher.Hash(adminPassword)),
            ["customer_password_hash"] = SqlLiteral(passwordHasher.Hash(customerPassword)),
        };
    }

    /// <summary>The values are pasted inside '...' in the scripts: double any quote.</summary>
    private static string SqlLiteral(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Folder}: {Count} scripts")]
    private static partial void LogSeeded(ILogger logger, string folder, int count);
}
