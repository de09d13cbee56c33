using SbbCommerce.Api.Common.Outbox;

namespace SbbCommerce.IntegrationTests.Integration.Outbox;

/// <summary>Outbox rows written straight into the table (as a module's transaction would), for drain tests.</summary>
internal static class OutboxRows
{
    /// <summary>Settles every open message, so a test's drain sees only the messages it writes.</summary>
    public static Task SettleAllAsync(ApiFixture fixture) =>
        fixture.ExecuteAsync("UPDATE webhooks_outbox SET status = 'sent' WHERE status <> 'sent'");

    /// <summary>An <c>item.upsert</c> for a product that need not exist (the write-back then updates nothing).</summary>
    public static Task<Guid> InsertItemUpsertAsync(ApiFixture fixture, string sku, Guid productId, DateTimeOffset now, string name = "Test item")
    {
        var createdAt = fixture.Factory.Services.GetRequiredService<OutboxClock>().Next();
        return fixture.ScalarAsync<Guid>(
            """
            INSERT INTO webhooks_outbox (destination, event_type, payload, status, max_attempts, entity_type, entity_id, scheduled_for, created_at)
            VALUES ('epicor_propello', 'item.upsert', jsonb_build_object(
                      'productId', @product, 'sku', @sku, 'name', @name, 'productType', 'peptide', 'status', 'active', 'priceCents', 1000,
                      'trackInventory', true, 'deleted', false, 'updatedAt', @created),
                    'pending', 12, 'product', @product, @due, @created)
            RETURNING id
            """,
            ("product", productId), ("sku", sku), ("name", name), ("created", createdAt.UtcDateTime), ("due", now.UtcDateTime));
    }
}
