namespace SbbCommerce.Api.Common.Persistence;

/// <summary>
/// Migrates and seeds at start when configured (Development). The start waits for it up to
/// <see cref="DatabaseOptions.StartupWaitSeconds"/>; past that it goes on in the background: the host answers, live
/// but not ready, and refuses every other request with 503 (<see cref="NotReadyGate"/>) until the schema is in place,
/// so a load balancer never sends traffic to a host that is migrating or waiting for another host's migration (the
/// advisory lock). When the database cannot be reached the host logs one clear line and keeps trying.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IOptions<DatabaseOptions> options,
    DatabaseMigrator migrator,
    DatabaseSeeder seeder,
    DatabaseReadiness readiness,
    TimeProvider timeProvider,
    ILogger<DatabaseInitializer> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup && string.IsNullOrWhiteSpace(options.Value.Seed))
        {
            readiness.MarkInitialized();
            return;
        }

        await base.StartAsync(cancellationToken);

        // A normal start migrates in seconds: holding the start until then means the port opens on a ready host. A longer
        // wait (another host's migration lock, a database not yet reachable) goes on in the background behind the 503
        // gate, with the health probes answered. Real time: the wait must not follow a test's frozen clock.
        var wait = TimeSpan.FromSeconds(Math.Max(0, options.Value.StartupWaitSeconds));
        await Task.WhenAny(readiness.WaitAsync(cancellationToken), Task.Delay(wait, cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // the host's start must not wait for the migration: it answers probes meanwhile
        var firstAttempt = true;
        while (!await TryInitializeAsync(firstAttempt, stoppingToken))
        {
            firstAttempt = false;
            await Task.Delay(RetryDelay, timeProvider, stoppingToken);
        }
    }

    private async Task<bool> TryInitializeAsync(bool firstAttempt, CancellationToken cancellationToken)
    {
        try
        {
            if (options.Value.MigrateOnStartup)
            {
                await migrator.MigrateAsync(cancellationToken);
            }

            if (!string.IsNullOrWhiteSpace(options.Value.Seed))
            {
                await seeder.SeedAsync(options.Value.Seed.Trim().ToLowerInvariant(), cancellationToken);
            }

            readiness.MarkInitialized();
            return true;
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            if (firstAttempt)
            {
                LogUnreachable(logger, exception.GetBaseException().Message, RetryDelay.TotalSeconds);
            }

            return false;
        }
    }

    private static bool IsUnreachable(Exception exception) =>
        exception is NpgsqlException { IsTransient: true }
        || exception.GetBaseException() is System.Net.Sockets.SocketException or TimeoutException;

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Database unreachable, the host is live but not ready; retrying every {RetrySeconds} s: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string reason, double retrySeconds);
}
