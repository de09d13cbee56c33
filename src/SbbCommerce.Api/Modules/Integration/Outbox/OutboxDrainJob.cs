using System.Diagnostics;

namespace SbbCommerce.Api.Modules.Integration.Outbox;

/// <summary>
/// Hangfire's recurring safety net (<c>outbox-drain</c>, every minute): drains due messages in batches for at most
/// <see cref="Budget"/>, so a host without the dispatcher loop, or a backlog after an outage, still empties.
/// </summary>
internal sealed partial class OutboxDrainJob(OutboxDrain drain, IOptions<OutboxOptions> options, ILogger<OutboxDrainJob> logger)
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(50);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        int sent = 0, claimed = 0;
        DrainResult batch;
        do
        {
            batch = await drain.RunOnceAsync(cancellationToken);
            sent += batch.Sent;
            claimed += batch.Claimed;
        }
        while (batch.Claimed >= options.Value.BatchSize && Stopwatch.GetElapsedTime(started) < Budget);

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogRun(logger, claimed, sent, elapsed);
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox drain job: {Claimed} claimed, {Sent} sent in {ElapsedMs:F0} ms")]
    private static partial void LogRun(ILogger logger, int claimed, int sent, double elapsedMs);
}
