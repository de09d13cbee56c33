using SbbCommerce.Api.Common.Json;
using SbbCommerce.Api.Common.Persistence;

namespace SbbCommerce.Api.Common.Outbox;

internal sealed class OutboxWriter(SbbDbContext db, TimeProvider timeProvider) : IOutboxWriter
{
    public OutboxMessage Enqueue(string destination, string eventType, object payload, string? entityType = null, Guid? entityId = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var now = timeProvider.GetUtcNow();
        var message = new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Destination = destination,
            EventType = eventType,
            Payload = JsonDefaults.Serialize(payload),
            Status = "pending",
            EntityType = entityType,
            EntityId = entityId,
            ScheduledFor = now,
            CreatedAt = now,
        };
        db.Set<OutboxMessage>().Add(message);
        return message;
    }
}
