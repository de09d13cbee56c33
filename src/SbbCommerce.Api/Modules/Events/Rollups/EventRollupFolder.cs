using System.Diagnostics;

namespace SbbCommerce.Api.Modules.Events.Rollups;

/// <summary>
/// Keeps the report rollups a second behind the events on every host: folds while there is more than a batch
/// waiting, otherwise every <c>Events:RollupInterval</c>. Two hosts fold side by side (each skips what the other
/// holds). Reports do not depend on it (they catch up first); it keeps that catch-up short. While this host's
/// checkouts are at work it steps aside (<see cref="RollupDeferral"/>).
/// </summary>
internal sealed class EventRollupFolder(
    EventRollups rollups, ForegroundWork foreground, DatabaseReadiness readiness, IOptions<EventsOptions> options,
    ILogger<EventRollupFolder> logger) : BackgroundService
{
    private static readonly TimeSpan FaultPause = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitAsync(stoppingToken);
        var batchSize = Math.Max(1, options.Value.RollupBatchSize);
        var deferral = new RollupDeferral(options.Value.RollupMaxDeferral);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (deferral.ShouldDefer(foreground.IsBusy, Stopwatch.GetTimestamp()))
                {
                    // A scheduling pause, not business time: the system clock (a test's fake clock would stall it).
                    await Task.Delay(options.Value.RollupInterval, stoppingToken);
                    continue;
                }

                var started = Stopwatch.GetTimestamp();
                var folded = await rollups.FoldAsync(stoppingToken);
                if (folded > 0)
                {
                    var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    EventsLog.RollupsFolded(logger, folded, elapsedMs);
                }

                if (folded < batchSize)
                {
                    // A scheduling pause, not business time: the system clock (a test's fake clock would stall it).
                    await Task.Delay(options.Value.RollupInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database is away or the fold failed: it rolled back, the events stay pending. Log, pause, go on.
                EventsLog.RollupFoldFailed(logger, exception);
                await Task.Delay(FaultPause, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
