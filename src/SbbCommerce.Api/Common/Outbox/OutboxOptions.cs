namespace SbbCommerce.Api.Common.Outbox;

/// <summary>The <c>Outbox</c> configuration section: retry budget and batch size, per destination where needed.</summary>
internal sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Attempts before a message becomes a dead letter (<c>Outbox:Destinations:&lt;name&gt;:MaxAttempts</c> overrides).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Messages claimed per drain transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>First retry delay; each later one doubles, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Run the in-host dispatcher loop (woken after each commit that wrote a message, else polling). Defaults to
    /// <c>Hangfire:ServerEnabled</c>: the hosts that run jobs also drain.
    /// </summary>
    public bool? DispatcherEnabled { get; set; }

    /// <summary>How often an idle dispatcher looks for due messages (retries, other hosts' writes).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Drain loops per host: one claims and marks while another waits on the network.</summary>
    public int DispatcherLoops { get; set; } = 4;

    public Dictionary<string, OutboxDestinationOptions> Destinations { get; set; } = new(StringComparer.Ordinal);

    public int MaxAttemptsFor(string destination) =>
        Destinations.TryGetValue(destination, out var options) && options.MaxAttempts is > 0 ? options.MaxAttempts.Value : MaxAttempts;
}

/// <summary>Per-destination overrides (<c>Outbox:Destinations:&lt;name&gt;:*</c>).</summary>
internal sealed class OutboxDestinationOptions
{
    public int? MaxAttempts { get; set; }
}
