using SbbCommerce.Api.Common.Jobs;

namespace SbbCommerce.Api.Modules.Integration.Outbox;

/// <summary>
/// The outbox's dispatcher on a job host: a few drain loops that run while there is work and otherwise wait for a
/// commit signal from this host (<see cref="OutboxSignal"/>: a request's message leaves within milliseconds) or the
/// poll interval (retries coming due, messages written by other hosts or by SQL). Waking on commit rather than
/// polling fast keeps an idle shop's database quiet. The Hangfire job <c>outbox-drain</c> is the safety net for
/// hosts that run jobs without this loop.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceProvider services,
    OutboxSignal signal,
    DatabaseReadiness readiness,
    IOptions<OutboxOptions> options,
    IOptions<HangfireOptions> hangfire,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan FaultPause = TimeSpan.FromSeconds(5);

    public bool Enabled => options.Value.DispatcherEnabled ?? hangfire.Value.ServerEnabled;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        await readiness.WaitAsync(stoppingToken);
        var loops = Math.Max(1, options.Value.DispatcherLoops);
        LogStarted(logger, loops);
        await Task.WhenAll(Enumerable.Range(0, loops).Select(_ => LoopAsync(stoppingToken)));
    }

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                DrainResult result;
                await using (var scope = services.CreateAsyncScope())
                {
                    result = await scope.ServiceProvider.GetRequiredService<OutboxDrain>().RunOnceAsync(stoppingToken);
                }

                if (result.Claimed >= options.Value.BatchSize)
                {
                    continue; // a full batch: more is probably waiting
                }

                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database is away (restart, failover) or a pass failed: nothing was marked, so nothing is lost. A loop that
                // died would stop the host's deliveries (or the host): log, pause, go on.
                LogDrainFault(logger, exception);
                await Task.Delay(FaultPause, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox dispatcher started with {Loops} drain loops")]
    private static partial void LogStarted(ILogger logger, int loops);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox drain failed; retrying shortly")]
    private static partial void LogDrainFault(ILogger logger, Exception exception);
}
