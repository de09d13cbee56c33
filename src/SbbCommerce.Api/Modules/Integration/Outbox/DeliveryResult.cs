namespace SbbCommerce.Api.Modules.Integration.Outbox;

/// <summary>How one delivery attempt ended.</summary>
internal enum DeliveryOutcome
{
    /// <summary>The destination accepted it (or had already: a replayed idempotency key).</summary>
    Sent,

    /// <summary>Worth another try later: timeouts, connection errors, 5xx, 408, 429.</summary>
    Transient,

    /// <summary>The destination refused it for good (other 4xx, a rejected recipient): dead at once, no retry storm.</summary>
    Permanent,

    /// <summary>Not sent on purpose (the recipient is known to be undeliverable): closed, with the reason.</summary>
    Skipped,
}

/// <summary>
/// The outcome of one attempt, what the destination answered (bounded when stored), and for a success the statements
/// that record it on the owning module's rows (run in the drain's transaction).
/// </summary>
internal sealed record DeliveryResult(
    DeliveryOutcome Outcome,
    int? ResponseStatus = null,
    string? ResponseBody = null,
    string? Error = null,
    TimeSpan? RetryAfter = null)
{
    public IReadOnlyList<NpgsqlBatchCommand> WriteBack { get; init; } = [];

    public static DeliveryResult Sent(int? status = null, string? body = null) => new(DeliveryOutcome.Sent, status, body);

    public static DeliveryResult Transient(string error, int? status = null, string? body = null, TimeSpan? retryAfter = null) =>
        new(DeliveryOutcome.Transient, status, body, error, retryAfter);

    public static DeliveryResult Permanent(string error, int? status = null, string? body = null) =>
        new(DeliveryOutcome.Permanent, status, body, error);

    public static DeliveryResult Skipped(string reason) => new(DeliveryOutcome.Skipped, null, null, reason);
}
