namespace SbbCommerce.Api.Modules.Integration;

/// <summary>The Integration codes (outbox operations, ERP re-sync).</summary>
internal static class IntegrationErrors
{
    public const string OutboxMessageNotFound = "outbox_message_not_found";
    public const string OutboxMessageNotRetryable = "outbox_message_not_retryable";
    public const string ErpEntityNotFound = "erp_entity_not_found";
    public const string InvalidSignature = "invalid_signature";
    public const string WebhookSourceUnknown = "webhook_source_unknown";
    public const string InboxMessageNotFound = "inbox_message_not_found";
}
