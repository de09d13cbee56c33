using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auditing;
using SbbCommerce.Api.Common.Outbox;
using SbbCommerce.Api.Modules.Events.Contracts;

namespace SbbCommerce.IntegrationTests.Common.Auditing;

/// <summary>
/// The audit, outbox and server-event writers add their rows to the caller's DbContext: they commit with the
/// caller's change and vanish with its rollback.
/// </summary>
public sealed class TransactionalWritersTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_committed_change_When_the_writers_were_used_Then_audit_outbox_and_event_rows_exist()
    {
        var resourceId = Guid.NewGuid();
        await using (var scope = fixture.CreateScope())
        {
            Write(scope, resourceId);
            await ApiFixture.DbContext(scope).SaveChangesAsync();
        }

        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'product.updated' AND new_values->>'priceCents' = '1999' AND old_values->>'priceCents' = '2499'",
            ("id", resourceId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND destination = 'epicor_propello' AND event_type = 'item.upsert' AND status = 'pending' AND payload->>'sku' = 'SBB-TEST'",
            ("id", resourceId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM events WHERE product_id = @id AND event_name = 'product.updated' AND event_category = 'product'",
            ("id", resourceId)));
    }

    [Fact]
    public async Task Given_a_rolled_back_transaction_When_the_writers_were_used_Then_no_row_remains()
    {
        var resourceId = Guid.NewGuid();
        await using (var scope = fixture.CreateScope())
        {
            var db = ApiFixture.DbContext(scope);
            await using var transaction = await db.Database.BeginTransactionAsync();
            Write(scope, resourceId);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(0L, await fixture.ScalarAsync<long>(
            "SELECT (SELECT count(*) FROM audit_logs WHERE resource_id = @id) + (SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id) + (SELECT count(*) FROM events WHERE product_id = @id)",
            ("id", resourceId)));
    }

    private static void Write(AsyncServiceScope scope, Guid resourceId)
    {
        scope.ServiceProvider.GetRequiredService<IAuditWriter>()
            .Record("product.updated", "product", resourceId, new { PriceCents = 2499 }, new { PriceCents = 1999 });
        scope.ServiceProvider.GetRequiredService<IOutboxWriter>()
            .Enqueue(OutboxDestinations.EpicorPropello, "item.upsert", new { Sku = "SBB-TEST" }, "product", resourceId);
        scope.ServiceProvider.GetRequiredService<IEventRecorder>()
            .Record(new ServerEvent("product.updated") { AnonymousId = "system-test", ProductId = resourceId });
    }
}
