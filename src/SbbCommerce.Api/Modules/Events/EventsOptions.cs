namespace SbbCommerce.Api.Modules.Events;

/// <summary>The <c>Events</c> configuration section (ingest, write queue, retention).</summary>
internal sealed class EventsOptions
{
    public const string Section = "Events";

    /// <summary>Largest <c>properties</c> object of one event, in UTF-8 bytes of its JSON.</summary>
    public int MaxPropertiesBytes { get; set; } = 4096;

    /// <summary>Most events accepted and not yet committed (the memory bound); beyond it ingest answers 429 <c>ingest_overloaded</c>.</summary>
    public int QueueCapacity { get; set; } = 200_000;

    /// <summary>
    /// The longest an accepted event should wait in the queue: the queue admits no more than the writers committed
    /// over the last second scaled to this (at least one <see cref="WriteBatchSize"/>), so an accepted event is durable
    /// within about this plus one COPY; beyond it ingest answers 429 <c>ingest_overloaded</c>.
    /// </summary>
    public TimeSpan MaxQueueDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// While checkouts are at work on this host, only the first writer COPYs and it rests as long as each COPY took:
    /// orders before analytics (the queue's time bound then turns the surplus away with 429).
    /// </summary>
    public bool YieldToCheckout { get; set; } = true;

    /// <summary>Monthly partitions older than this many whole months are detached and dropped; 0 keeps everything.</summary>
    public int RetentionMonths { get; set; } = 13;

    /// <summary>A header set by a trusted proxy with the visitor's ISO country (e.g. <c>CF-IPCountry</c>); none: no country.</summary>
    public string? CountryHeader { get; set; }

    /// <summary>Most events one COPY writes.</summary>
    public int WriteBatchSize { get; set; } = 5000;

    /// <summary>
    /// How long a writer that found less than a full batch waits for more before it COPYs: fewer, larger transactions
    /// under a steady stream, at the price of this much latency for a lone event.
    /// </summary>
    public TimeSpan WriteLinger { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Background writers draining the queue at once (each COPYs on its own connection).</summary>
    public int Writers { get; set; } = 2;

    /// <summary>How often each host folds newly written events into the report rollups when fewer than a batch wait.</summary>
    public TimeSpan RollupInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most events one fold takes (one transaction).</summary>
    public int RollupBatchSize { get; set; } = 20_000;

    /// <summary>
    /// Longest stretch the fold steps aside while this host's checkouts are at work; then it folds one batch and steps
    /// aside again. Bounds the backlog a report must fold first during a long sale.
    /// </summary>
    public TimeSpan RollupMaxDeferral { get; set; } = TimeSpan.FromSeconds(30);
}
