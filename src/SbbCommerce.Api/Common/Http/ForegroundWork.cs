namespace SbbCommerce.Api.Common.Http;

/// <summary>
/// Counts this host's latency-critical requests (checkouts) in flight or waiting for their turn, so background work
/// that competes with them for the same cores and database (the event writers) can step aside while they run:
/// orders before analytics. One per host; the count is only ever a hint, never a lock.
/// </summary>
internal sealed class ForegroundWork
{
    private int _active;

    /// <summary>True while at least one foreground request is in flight or queued.</summary>
    public bool IsBusy => Volatile.Read(ref _active) > 0;

    /// <summary>Marks one foreground request; dispose the mark when it is answered.</summary>
    public IDisposable Enter()
    {
        Interlocked.Increment(ref _active);
        return new Mark(this);
    }

    private sealed class Mark(ForegroundWork owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._active);
            }
        }
    }
}
