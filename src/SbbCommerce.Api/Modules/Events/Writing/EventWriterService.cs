using System.Diagnostics;
using System.Text;

namespace SbbCommerce.Api.Modules.Events.Writing;

/// <summary>
/// Drains <see cref="EventWriteQueue"/> with <c>Events:Writers</c> loops. Each loop takes what is queued when it is
/// free, up to <c>Events:WriteBatchSize</c> events; short of a full batch it lingers <c>Events:WriteLinger</c> for more,
/// then COPYs: under load batches grow by themselves (what arrives during one COPY is the next batch), and a steady
/// trickle is written in a few larger transactions instead of one per request (each COPY also runs the rollup
/// trigger once). While checkouts are at work (<see cref="ForegroundWork"/>, <c>Events:YieldToCheckout</c>) only the
/// first loop writes, resting as long as each COPY took: orders before analytics. On a graceful stop the queue is
/// closed and the loops finish what it holds before the host exits.
/// </summary>
internal sealed class EventWriterService(
    EventWriteQueue queue, EventCopyWriter writer, ForegroundWork foreground, IOptions<EventsOptions> options, ILogger<EventWriterService> logger)
    : IHostedService, IDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StandByPoll = TimeSpan.FromMilliseconds(20);
    private readonly CancellationTokenSource _abort = new();
    private Task _loops = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var writers = Math.Max(1, options.Value.Writers);
        _loops = Task.WhenAll(Enumerable.Range(0, writers).Select(index => Task.Run(() => DrainAsync(index, _abort.Token), CancellationToken.None)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        try
        {
            await _loops.WaitAsync(cancellationToken);
            EventsLog.WritersDrained(logger);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out: say how much is lost rather than losing it silently.
            EventsLog.WritersAbandoned(logger, queue.Pending);
            await _abort.CancelAsync();
        }
    }

    public void Dispose() => _abort.Dispose();

    private async Task DrainAsync(int index, CancellationToken abort)
    {
        var batchSize = Math.Max(1, options.Value.WriteBatchSize);
        var linger = options.Value.WriteLinger;
        var yieldToCheckout = options.Value.YieldToCheckout;
        var batches = new List<QueuedBatch>();
        while (await queue.Reader.WaitToReadAsync(abort))
        {
            if (yieldToCheckout && index > 0 && foreground.IsBusy)
            {
                // Standing by while checkouts run (a scheduling pause, not business time: the system clock).
                await Task.Delay(StandByPoll, abort);
                continue;
            }

            var count = Take(batches, 0, batchSize);
            if (count < batchSize && linger > TimeSpan.Zero)
            {
                // A batching window, not business time: the system clock is the right one (a test's fake clock would stall it).
                await Task.Delay(linger, abort);
                count = Take(batches, count, batchSize);
            }

            if (batches.Count > 0)
            {
                var started = Stopwatch.GetTimestamp();
                await WriteAsync(batches, count, abort);
                batches.Clear();
                if (yieldToCheckout && foreground.IsBusy)
                {
                    // Half this writer's time goes back to the checkouts (their CPU and their database).
                    await Task.Delay(Stopwatch.GetElapsedTime(started), abort);
                }
            }
        }
    }

    /// <summary>Moves queued requests into <paramref name="batches"/> until it holds <paramref name="batchSize"/> events or the queue is empty.</summary>
    private int Take(List<QueuedBatch> batches, int count, int batchSize)
    {
        while (count < batchSize && queue.Reader.TryRead(out var batch))
        {
            batches.Add(batch);
            count += batch.Rows.Count;
        }

        return count;
    }

    /// <summary>
    /// Retries what the database could not take for a passing reason (connection, failover) until it can; a batch
    /// it refuses for its content is split per request, so one bad request cannot sink the others.
    /// </summary>
    private async Task WriteAsync(List<QueuedBatch> batches, int count, CancellationToken abort)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await writer.WriteAsync(batches.SelectMany(b => b.Rows), abort);
                var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                EventsLog.BatchWritten(logger, count, elapsedMs);
                Settle(batches, null);
                return;
            }
            // Refused for its content: by PostgreSQL, or by the encoder (text it cannot write as UTF-8; ingest checks
            // each item first, so this is a guard that keeps the writer loop alive, not a path a request takes).
            catch (Exception refused) when (refused is PostgresException { IsTransient: false } or EncoderFallbackException)
            {
                if (batches.Count == 1)
                {
                    EventsLog.RequestDropped(logger, refused, count);
                    queue.Refused(count);
                    Settle(batches, refused);
                    return;
                }

                foreach (var single in batches)
                {
                    await WriteAsync([single], single.Rows.Count, abort);
                }

                return;
            }
            catch (Exception passing) when (passing is NpgsqlException or TimeoutException && !abort.IsCancellationRequested)
            {
                EventsLog.BatchRetrying(logger, passing, count, attempt);
                // Backoff between attempts, not synchronisation: the system clock is the right one here.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 100 * Math.Pow(2, attempt))), abort);
            }
        }
    }

    private void Settle(List<QueuedBatch> batches, Exception? failure)
    {
        foreach (var batch in batches)
        {
            if (failure is null)
            {
                queue.Committed(batch.Rows.Count);
                batch.Committed.TrySetResult();
            }
            else
            {
                queue.Release(batch.Rows.Count);
                batch.Committed.TrySetException(failure);
            }
        }
    }
}
