namespace SbbCommerce.Api.Modules.Integration.Views;

/// <summary>An outbox message as operators see it (the payload only in the detail).</summary>
/// <param name="Id">The message id; also the Idempotency-Key the ERP receives.</param>
/// <param name="Destination"><c>epicor_propello</c>, <c>internal_email</c>.</param>
/// <param name="EventType">What happened (<c>sales_order.created</c>, <c>user.email_verification</c>...).</param>
/// <param name="Status"><c>pending</c>, <c>sent</c>, <c>failed</c> (will retry at <c>scheduledFor</c>), <c>dead</c> (gave up).</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="MaxAttempts">Attempts allowed before it becomes a dead letter.</param>
/// <param name="EntityType">The record it is about (<c>order</c>, <c>user</c>, ...).</param>
/// <param name="EntityId">That record's id.</param>
/// <param name="ScheduledFor">When it is (next) due.</param>
/// <param name="LastAttemptAt">When it was last tried.</param>
/// <param name="ResponseStatus">The destination's last status code (HTTP, or SMTP's reply code).</param>
/// <param name="ErrorMessage">Why the last attempt failed.</param>
/// <param name="SentAt">When the destination accepted it.</param>
/// <param name="CreatedAt">When it was written (with the change it describes).</param>
/// <param name="ResponseBody">The destination's last answer, bounded (detail only).</param>
/// <param name="Payload">The message as written (detail only).</param>
internal sealed record OutboxMessageResponse(
    Guid Id,
    string Destination,
    string EventType,
    string Status,
    int Attempts,
    int MaxAttempts,
    string? EntityType,
    Guid? EntityId,
    DateTimeOffset ScheduledFor,
    DateTimeOffset? LastAttemptAt,
    int? ResponseStatus,
    string? ErrorMessage,
    DateTimeOffset? SentAt,
    DateTimeOffset CreatedAt,
    string? ResponseBody = null,
    JsonElement? Payload = null)
{
    internal static OutboxMessageResponse Summary(OutboxMessage m) => new(
        m.Id, m.Destination, m.EventType, m.Status, m.Attempts, m.MaxAttempts, m.EntityType, m.EntityId, m.ScheduledFor, m.LastAttemptAt,
        m.ResponseStatus, m.ErrorMessage, m.SentAt, m.CreatedAt);

    internal static OutboxMessageResponse Detail(OutboxMessage m) =>
        Summary(m) with { ResponseBody = m.ResponseBody, Payload = JsonValues.Parse(m.Payload) };
}
