using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Npgsql;
using SbbCommerce.Api.Common.Persistence;

namespace SbbCommerce.Api.Common.Jobs;

/// <summary>
/// Waits until the database is initialised, installs the Hangfire schema (Hangfire's installer takes its own
/// lock, so two hosts may race here), registers the recurring jobs, then runs this host's job server. Every host
/// runs one; Hangfire hands each job to exactly one of them.
/// </summary>
internal sealed partial class HangfireServerHost(
    IOptions<HangfireOptions> options,
    DatabaseReadiness readiness,
    NpgsqlDataSource dataSource,
    IServiceProvider services,
    ILogger<HangfireServerHost> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        await using (var connection = await dataSource.OpenConnectionAsync(stoppingToken))
        {
            PostgreSqlObjectsInstaller.Install(connection, options.Value.SchemaName);
        }

        RecurringJobs.Register(services.GetRequiredService<IRecurringJobManager>(), services.GetServices<IRecurringJobSchedule>());
        if (!options.Value.ServerEnabled)
        {
            return;
        }

        using var server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                WorkerCount = options.Value.WorkerCount,
                ServerName = $"{Environment.MachineName}:{Environment.ProcessId}",
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Hangfire server started with {WorkerCount} workers")]
    private static partial void LogServerStarted(ILogger logger, int workerCount);
}
