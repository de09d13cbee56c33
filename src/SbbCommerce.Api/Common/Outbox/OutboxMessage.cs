namespace SbbCommerce.Api.Common.Outbox;

/// <summary>A row of <c>webhooks_outbox</c>.</summary>
internal sealed class OutboxMessage : RowVersioned
{
    public Guid Id { get; set; }
    public required string Destination { get; set; }
    public string? EndpointUrl { get; set; }
    public required string EventType { get; set; }
    public required string Payload { get; set; }
    public string Status { get; set; } = "pending";
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; } = 3;
    public DateTimeOffset? LastAttemptAt { get; set; }
    public int? ResponseStatus { get; set; }
    public string? ResponseBody { get; set; }
    public string? ErrorMessage { get; set; }
    public string? EntityType { get; set; }
    public Guid? EntityId { get; set; }
    public DateTimeOffset ScheduledFor { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the destination accepted the message.</summary>
    public DateTimeOffset? SentAt { get; set; }
}
