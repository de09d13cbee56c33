namespace SbbCommerce.Api.Modules.Integration.Data;

/// <summary>A row of <c>webhooks_inbox</c>.</summary>
internal sealed class InboxMessage : RowVersioned
{
    public Guid Id { get; set; }
    public required string Source { get; set; }
    public required string WebhookType { get; set; }
    public string Status { get; set; } = "pending";
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; } = 3;
    public required string Headers { get; set; }
    public required string Payload { get; set; }
    public string? Signature { get; set; }
    public bool? SignatureValid { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public string? ErrorMessage { get; set; }
    public string? Result { get; set; }
    public Guid? RelatedOrderId { get; set; }
    public Guid? RelatedPaymentId { get; set; }
    public Guid? RelatedFulfillmentId { get; set; }
    /// <summary>The provider's id of the event (signed deliveries only): a retry of it is stored once.</summary>
    public string? ProviderEventId { get; set; }

    /// <summary>When the row is (next) due for processing.</summary>
    public DateTimeOffset ScheduledFor { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
