using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SbbCommerce.Api.Modules.Integration.Outbox;

/// <summary>
/// Readiness facts about delivery that never fail readiness: outbox lag and dead letters (<c>outbox</c>), and
/// whether the ERP (<c>erp</c>) and email (<c>email</c>) are configured. A host whose ERP is down can still sell.
/// </summary>
internal sealed class OutboxHealthCheck(OutboxStatusReader reader) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var status = await reader.ReadOpenAsync(cancellationToken);
            var data = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var destination in status.Destinations)
            {
                data[destination.Destination] = new
                {
                    destination.Configured,
                    Pending = destination.Counts[OutboxStatuses.Pending] + destination.Counts[OutboxStatuses.Failed],
                    destination.DeadLetters,
                    LagSeconds = destination.OldestPendingAgeSeconds ?? 0,
                };
            }

            var lag = status.Destinations.Where(d => d.Configured).Max(d => d.OldestPendingAgeSeconds) ?? 0;
            var dead = status.Destinations.Sum(d => d.DeadLetters);
            return HealthCheckResult.Healthy($"lag {lag} s, {dead} dead letters", data);
        }
        catch (NpgsqlException exception)
        {
            // The database check reports the outage; this one only describes the outbox.
            return HealthCheckResult.Degraded("The outbox could not be read.", exception);
        }
    }
}

/// <summary>Whether a destination is configured, as a readiness entry that never fails.</summary>
internal sealed class DestinationConfiguredHealthCheck(IEnumerable<IOutboxSender> senders, string destination, string notConfigured) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var configured = senders.Any(s => s.Destination == destination && s.IsConfigured);
        return Task.FromResult(HealthCheckResult.Healthy(configured ? "configured" : notConfigured,
            new Dictionary<string, object>(StringComparer.Ordinal) { ["configured"] = configured }));
    }
}
