namespace SbbCommerce.Api.Modules.Integration.Outbox;

/// <summary>A claimed outbox row, as a sender sees it.</summary>
internal sealed record OutboxEnvelope(
    Guid Id,
    string Destination,
    string EventType,
    string Payload,
    int Attempts,
    int MaxAttempts,
    string? EntityType,
    Guid? EntityId,
    DateTimeOffset CreatedAt);
