using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SbbCommerce.Api.Common.Health;

/// <summary>Ready means: the database answers and is migrated/seeded as configured.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource, DatabaseReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsInitialized)
        {
            return HealthCheckResult.Unhealthy("The database is not migrated yet.");
        }

        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException exception)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", exception);
        }
    }
}
