using System.Threading.Channels;
using SbbCommerce.Api.Common.Telemetry;

namespace SbbCommerce.Api.Modules.Events.Writing;

/// <summary>
/// The in-process queue between ingest and the writers, bounded in events twice: by memory
/// (<c>Events:QueueCapacity</c>) and by time (no more than the writers committed over the last second, scaled to
/// <c>Events:MaxQueueDelay</c>, so an accepted event is durable within about a second even while the writers yield
/// to checkouts; see <see cref="EventDrainRate"/>). A request is admitted whole or not at all: its events reserve
/// capacity with one compare-and-swap before they are queued, and give it back only once committed, so a full queue
/// refuses a request instead of dropping part of it.
/// </summary>
internal sealed class EventWriteQueue(IOptions<EventsOptions> options, EventDrainRate drainRate, SbbMetrics metrics)
{
    // Unbounded as a channel because the bound is counted in events, not in requests (see TryEnqueue).
    private readonly Channel<QueuedBatch> _channel = Channel.CreateUnbounded<QueuedBatch>(new UnboundedChannelOptions
    {
        SingleReader = false,
        SingleWriter = false,
    });

    private readonly long _ceiling = options.Value.QueueCapacity;
    private readonly long _floor = Math.Max(1, options.Value.WriteBatchSize);
    private readonly TimeSpan _maxDelay = options.Value.MaxQueueDelay;
    private long _pending;

    // Body bytes per event of recent requests (a moving average; 0 until one was read): how many events a body not
    // yet read probably holds.
    private long _bytesPerEvent;

    /// <summary>Events accepted and not yet committed (or given up).</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public ChannelReader<QueuedBatch> Reader => _channel.Reader;

    /// <summary>
    /// Whether a request whose body has <paramref name="bodyBytes"/> bytes would be refused now, its events counted at
    /// the recent requests' bytes per event: lets ingest refuse before it reads the body. <see cref="TryEnqueue"/>
    /// still decides exactly for every request that passes. A refusal is counted in <c>sbb.events.dropped</c> as
    /// <c>shed</c>, at the estimate.
    /// </summary>
    public bool WouldRefuse(long? bodyBytes)
    {
        var bytesPerEvent = Interlocked.Read(ref _bytesPerEvent);
        var pending = Pending;
        if (bodyBytes is not > 0 || bytesPerEvent == 0 || pending == 0)
        {
            return false;
        }

        var events = Math.Max(1, bodyBytes.Value / bytesPerEvent);
        if (!Exceeds(pending, events, drainRate.Capacity(_maxDelay, _floor, _ceiling)))
        {
            return false;
        }

        metrics.EventsDropped((int)Math.Min(events, int.MaxValue), "shed");
        return true;
    }

    /// <summary>Learns the bytes per event of a request just read (racing requests may overwrite each other's sample: harmless for an estimate).</summary>
    public void Observe(long? bodyBytes, int events)
    {
        if (bodyBytes is > 0 && events > 0)
        {
            var sample = Math.Max(1, bodyBytes.Value / events);
            var average = Interlocked.Read(ref _bytesPerEvent);
            Interlocked.Exchange(ref _bytesPerEvent, average == 0 ? sample : Math.Max(1, ((7 * average) + sample) / 8));
        }
    }

    /// <summary>Queues the whole batch, or nothing when it does not fit or the writers are stopping.</summary>
    public bool TryEnqueue(QueuedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var count = batch.Rows.Count;
        var capacity = drainRate.Capacity(_maxDelay, _floor, _ceiling);
        long current;
        do
        {
            current = Interlocked.Read(ref _pending);
            if (Exceeds(current, count, capacity))
            {
                metrics.EventsDropped(count, "queue_full");
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref _pending, current + count, current) != current);

        if (_channel.Writer.TryWrite(batch))
        {
            metrics.EventsAccepted(count);
            return true;
        }

        Release(count);
        metrics.EventsDropped(count, "stopping");
        return false;
    }

    /// <summary>
    /// The admission rule: no more pending than the capacity, except that an empty queue takes any request the memory
    /// bound allows (the time bound must not refuse a burst's first).
    /// </summary>
    private bool Exceeds(long pending, long events, long capacity) => pending + events > capacity && (pending > 0 || events > _ceiling);

    /// <summary>Counts events the database refused for good (they are given up, not retried).</summary>
    public void Refused(int count) => metrics.EventsDropped(count, "write_failed");

    /// <summary>Gives capacity back once events are committed (or given up).</summary>
    public void Release(int count) => Interlocked.Add(ref _pending, -count);

    /// <summary>Gives capacity back for events just committed and counts them into the drain rate.</summary>
    public void Committed(int count)
    {
        drainRate.Committed(count);
        Release(count);
    }

    /// <summary>No more batches are admitted; the writers drain what is queued and stop.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
