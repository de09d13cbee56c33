namespace SbbCommerce.Api.Common.Outbox;

/// <summary>
/// Adds a <c>webhooks_outbox</c> row to the caller's DbContext: the message commits with the business change or
/// not at all, so the ERP and the mailer never hear of a change that rolled back, nor miss one that committed.
/// </summary>
internal interface IOutboxWriter
{
    OutboxMessage Enqueue(string destination, string eventType, object payload, string? entityType = null, Guid? entityId = null);
}
