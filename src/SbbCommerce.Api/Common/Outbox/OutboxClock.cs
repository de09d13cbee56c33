namespace SbbCommerce.Api.Common.Outbox;

/// <summary>
/// Write times for outbox rows that never repeat and never go backwards within this host, at PostgreSQL's
/// microsecond precision. The drain delivers an entity's messages in (created_at, id) order, and two messages
/// written in one transaction often read the same clock tick (always, under a fake clock): without this, a
/// payment could reach the ERP before the sales order written a line earlier. One per host (a singleton).
/// </summary>
internal sealed class OutboxClock(TimeProvider timeProvider)
{
    private long _lastTicks;

    public DateTimeOffset Next()
    {
        var now = timeProvider.GetUtcNow();
        var wanted = now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMicrosecond);
        while (true)
        {
            var last = Interlocked.Read(ref _lastTicks);
            var next = wanted > last ? wanted : last + TimeSpan.TicksPerMicrosecond;
            if (Interlocked.CompareExchange(ref _lastTicks, next, last) == last)
            {
                return new DateTimeOffset(next, TimeSpan.Zero);
            }
        }
    }
}
