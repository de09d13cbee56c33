namespace SbbCommerce.Api.Modules.Events.Writing;

/// <summary>
/// How many events the writers committed over the last second, in ten 100 ms buckets: what the queue may hold so
/// that an event accepted now is committed within <c>Events:MaxQueueDelay</c>. Measured, not configured, because
/// the rate moves with the machine, the database and how much the writers yield to checkouts.
/// </summary>
internal sealed class EventDrainRate(TimeProvider clock)
{
    private const int Buckets = 10;
    private static readonly TimeSpan BucketWidth = TimeSpan.FromMilliseconds(100);
    private readonly long[] _counts = new long[Buckets];
    private readonly long[] _bucketStarts = new long[Buckets];
    private readonly Lock _lock = new();

    /// <summary>Records events just committed.</summary>
    public void Committed(int count)
    {
        var bucket = CurrentBucket();
        lock (_lock)
        {
            var slot = (int)(bucket % Buckets);
            if (_bucketStarts[slot] != bucket)
            {
                _bucketStarts[slot] = bucket;
                _counts[slot] = 0;
            }

            _counts[slot] += count;
        }
    }

    /// <summary>Events committed over the last second (the current, partial bucket included).</summary>
    public long PerSecond()
    {
        var bucket = CurrentBucket();
        long total = 0;
        lock (_lock)
        {
            for (var slot = 0; slot < Buckets; slot++)
            {
                if (bucket - _bucketStarts[slot] < Buckets)
                {
                    total += _counts[slot];
                }
            }
        }

        return total;
    }

    /// <summary>
    /// The most events the queue should hold: a second's commits scaled to <paramref name="maxDelay"/>, never below
    /// <paramref name="floor"/> (one full batch: a quiet queue must still take a burst's first requests) and never above
    /// <paramref name="ceiling"/> (<c>Events:QueueCapacity</c>, the memory bound).
    /// </summary>
    public long Capacity(TimeSpan maxDelay, long floor, long ceiling)
    {
        var byRate = (long)(PerSecond() * maxDelay.TotalSeconds);
        return Math.Min(ceiling, Math.Max(floor, byRate));
    }

    private long CurrentBucket() => (long)(clock.GetTimestamp() / (double)clock.TimestampFrequency / BucketWidth.TotalSeconds);
}
