using SbbCommerce.Api.Modules.Integration.Data;

namespace SbbCommerce.Api.Modules.Integration.Views;

/// <summary>A received webhook as operators see it (headers, payload and result in the detail only).</summary>
internal sealed record InboxMessageResponse(
    Guid Id,
    string Source,
    string WebhookType,
    string Status,
    bool? SignatureValid,
    string? ProviderEventId,
    int Attempts,
    int MaxAttempts,
    string? ErrorMessage,
    Guid? RelatedOrderId,
    Guid? RelatedPaymentId,
    Guid? RelatedFulfillmentId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? ProcessedAt,
    JsonElement? Headers = null,
    JsonElement? Payload = null,
    JsonElement? Result = null)
{
    internal static InboxMessageResponse Summary(InboxMessage m) => new(
        m.Id, m.Source, m.WebhookType, m.Status, m.SignatureValid, m.ProviderEventId, m.Attempts, m.MaxAttempts, m.ErrorMessage,
        m.RelatedOrderId, m.RelatedPaymentId, m.RelatedFulfillmentId, m.ReceivedAt, m.ProcessedAt);

    internal static InboxMessageResponse Detail(InboxMessage m) =>
        Summary(m) with { Headers = JsonValues.Parse(m.Headers), Payload = JsonValues.Parse(m.Payload), Result = JsonValues.ParseOrNull(m.Result) };
}
