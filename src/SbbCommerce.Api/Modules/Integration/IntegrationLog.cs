namespace SbbCommerce.Api.Modules.Integration;

/// <summary>What the Integration module logs besides the drain's own lines (ids, counts, durations; never payloads).</summary>
internal static partial class IntegrationLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Inbox {InboxId} ({Source} {WebhookType}) processed: {Result} in {ElapsedMs:F0} ms")]
    public static partial void InboxProcessed(ILogger logger, Guid inboxId, string source, string webhookType, string result, double elapsedMs);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "Inbox {InboxId} ({Source} {WebhookType}) failed on attempt {Attempt}")]
    public static partial void InboxFailed(ILogger logger, Exception exception, Guid inboxId, string source, string webhookType, int attempt);

    /// <summary>The scope every line about one inbox row carries (the handler's own lines included).</summary>
    public static IDisposable? InboxScope(ILogger logger, Guid inboxId, string source, string webhookType) =>
        logger.BeginScope(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["InboxId"] = inboxId, ["WebhookSource"] = source, ["WebhookType"] = webhookType,
        });

    /// <summary>The scope every line about one outbox message carries (the sender's own lines included).</summary>
    public static IDisposable? OutboxScope(ILogger logger, Guid messageId, string destination, string eventType) =>
        logger.BeginScope(new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["OutboxMessageId"] = messageId, ["OutboxDestination"] = destination, ["OutboxEventType"] = eventType,
        });
}
