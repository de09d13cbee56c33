using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using SbbCommerce.Api.Common.Telemetry;

namespace SbbCommerce.Api.Common.Jobs;

/// <summary>
/// Waits until the database is initialised, installs the Hangfire schema (Hangfire's installer takes its own
/// lock, so two hosts may race here), registers the recurring jobs, then runs this host's job server. Every host
/// runs one; Hangfire hands each job to exactly one of them. A failed setup (the database restarting, out of
/// connections, a lock timeout while another host registers) is retried with backoff: an exception escaping
/// <see cref="ExecuteAsync"/> would stop the whole host, API included.
/// </summary>
internal sealed partial class HangfireServerHost(
    IOptions<HangfireOptions> options,
    DatabaseReadiness readiness,
    NpgsqlDataSource dataSource,
    IServiceProvider services,
    ILogger<HangfireServerHost> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        if (!await SetUpAsync(stoppingToken))
        {
            return;
        }

        if (!options.Value.ServerEnabled)
        {
            return;
        }

        using var server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                WorkerCount = options.Value.WorkerCount,
                ServerName = $"{Environment.MachineName}:{Environment.ProcessId}",
                // Hangfire's global filters plus this host's own (job metrics), not added globally: two hosts in one
                // process (tests) would each count every run twice.
                Activator = services.GetRequiredService<JobActivator>(), // this host's container, not the process-wide one
                FilterProvider = new JobFilterProviderCollection(
                    JobFilterProviders.Providers, new JobFilterCollection { services.GetRequiredService<JobMetricsFilter>() }),
            },
            services.GetRequiredService<JobStorage>());
        LogServerStarted(logger, options.Value.WorkerCount);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            server.SendStop();
        }
    }

    /// <summary>Installs the schema and registers the recurring jobs, retrying until done; false when stopping.</summary>
    private async Task<bool> SetUpAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (true)
        {
            try
            {
                await using (var connection = await dataSource.OpenConnectionAsync(stoppingToken))
                {
                    PostgreSqlObjectsInstaller.Install(connection, options.Value.SchemaName);
                }

                RecurringJobs.Register(services.GetRequiredService<IRecurringJobManager>(), services.GetServices<IRecurringJobSchedule>());
                return true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSetUpFailed(logger, exception, retry.TotalSeconds);
            }

            // Real time on purpose: a retry must not wait for a test's frozen clock.
            await Task.Delay(retry, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
            {
                return false;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Hangfire setup failed (schema or recurring jobs); retrying in {RetrySeconds} s")]
    private static partial void LogSetUpFailed(ILogger logger, Exception exception, double retrySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hangfire server started with {WorkerCount} workers")]
    private static partial void LogServerStarted(ILogger logger, int workerCount);
}
