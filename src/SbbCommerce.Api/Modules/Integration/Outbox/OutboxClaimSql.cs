namespace SbbCommerce.Api.Modules.Integration.Outbox;

/// <summary>
/// The drain's claim: due rows (<c>pending</c>/<c>failed</c>, <c>scheduled_for</c> passed) of the configured destinations,
/// only the head of each entity's queue (no earlier open row of the same destination and entity; for strict
/// destinations a dead letter counts as open), in due order, <c>FOR UPDATE SKIP LOCKED</c>. One source: the bench's
/// raw claim-and-mark baseline compiles this same file (tools/SbbCommerce.Bench), so the two cannot drift apart.
/// </summary>
internal static class OutboxClaimSql
{
    public const string Text = """
        SELECT o.id, o.destination, o.event_type, o.payload::text, o.attempts, o.max_attempts, o.entity_type, o.entity_id, o.created_at
          FROM webhooks_outbox o
         WHERE o.status IN ('pending', 'failed') AND o.scheduled_for <= @now AND o.destination = ANY(@destinations)
           AND NOT EXISTS (
               SELECT 1 FROM webhooks_outbox p
                WHERE o.entity_id IS NOT NULL AND p.destination = o.destination
                  AND p.entity_type = o.entity_type AND p.entity_id = o.entity_id
                  AND (p.status IN ('pending', 'failed', 'processing') OR (p.status = 'dead' AND p.destination = ANY(@strict)))
                  AND (p.created_at, p.id) < (o.created_at, o.id))
         ORDER BY o.scheduled_for, o.created_at, o.id
         LIMIT @batch
         FOR UPDATE OF o SKIP LOCKED
        """;
}
