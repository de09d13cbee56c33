namespace SbbCommerce.Api.Modules.Integration.Contracts;

/// <summary>
/// A module's handling of one kind of inbound webhook event (an ERP inventory count, a carrier's tracking update).
/// It changes the module's rows through the shared DbContext; the inbox processor saves them in one transaction
/// with the inbox row's outcome. Handlers are idempotent: a replay or a provider's retry changes nothing twice.
/// </summary>
public interface IInboundWebhookHandler
{
    string Source { get; }

    IReadOnlyCollection<string> EventTypes { get; }

    /// <summary>Applies the event; throws for a failure worth retrying (the processor records it and backs off).</summary>
    Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken);
}

/// <summary>An inbox row as a handler sees it.</summary>
public sealed record InboundEvent(Guid InboxId, string Source, string EventType, JsonElement Payload, DateTimeOffset ReceivedAt);

/// <summary>What the handler did (stored as the row's <c>result</c>) and the records it touched.</summary>
public sealed record InboundOutcome(string Result, object? Details = null, Guid? OrderId = null, Guid? PaymentId = null, Guid? FulfillmentId = null);
