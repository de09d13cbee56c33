namespace SbbCommerce.Api.Modules.Events;

/// <summary>What the Events module logs (counts and durations, never payloads).</summary>
internal static partial class EventsLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Wrote {Count} events in {ElapsedMs} ms")]
    public static partial void BatchWritten(ILogger logger, int count, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} events failed (attempt {Attempt}); retrying")]
    public static partial void BatchRetrying(ILogger logger, Exception exception, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropped {Count} events of one request: the database refused them")]
    public static partial void RequestDropped(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event writers drained the queue and stopped")]
    public static partial void WritersDrained(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event writers stopped before draining: {Count} queued events were not written")]
    public static partial void WritersAbandoned(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stitched {Count} anonymous events to user {UserId}")]
    public static partial void Stitched(ILogger logger, int count, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event retention dropped partition {Partition}")]
    public static partial void PartitionDropped(ILogger logger, string partition);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event retention run: {Dropped} partitions dropped (cut-off {Cutoff:yyyy-MM})")]
    public static partial void RetentionRun(ILogger logger, int dropped, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Folded {Count} events into the report rollups in {ElapsedMs} ms")]
    public static partial void RollupsFolded(ILogger logger, int count, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Folding events into the report rollups failed; retrying shortly")]
    public static partial void RollupFoldFailed(ILogger logger, Exception exception);
}
