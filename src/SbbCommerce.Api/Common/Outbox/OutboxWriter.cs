namespace SbbCommerce.Api.Common.Outbox;

internal sealed class OutboxWriter(SbbDbContext db, OutboxClock clock, TimeProvider timeProvider, IOptions<OutboxOptions> options) : IOutboxWriter
{
    public OutboxMessage Enqueue(string destination, string eventType, object payload, string? entityType = null, Guid? entityId = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var written = clock.Next();
        var message = new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Destination = destination,
            EventType = eventType,
            Payload = JsonDefaults.Serialize(payload),
            Status = OutboxStatuses.Pending,
            MaxAttempts = options.Value.MaxAttemptsFor(destination),
            EntityType = entityType,
            EntityId = entityId,
            // Due now by the clock; created_at may sit a few microseconds later (it only orders messages).
            ScheduledFor = timeProvider.GetDatabaseNow(),
            CreatedAt = written,
        };
        db.Set<OutboxMessage>().Add(message);
        return message;
    }
}
