using SbbCommerce.Api.Common.Outbox;
using SbbCommerce.Fakes;
using SbbCommerce.IntegrationTests.Fulfillment;

namespace SbbCommerce.IntegrationTests.Integration.Outbox;

/// <summary>Messages reach the fake Propello under its wire rules, once each, and the ERP ids come back to the owners' rows.</summary>
public sealed class ErpDeliveryTests(ErpFixture fixture) : IClassFixture<ErpFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => OutboxRows.SettleAllAsync(fixture);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_a_new_registration_When_the_outbox_drains_Then_the_ERP_records_the_customer_once_and_the_user_gets_its_erp_id()
    {
        var email = IdentityApi.NewEmail("erp");
        var user = await fixture.CreateClient().RegisterAsync(email);
        var userId = user.GetProperty("id").GetGuid();

        await fixture.DrainAsync();

        var record = Assert.Single(fixture.Erp.RecordsOf("customer"), r => r.Path.EndsWith(userId.ToString(), StringComparison.Ordinal));
        Assert.Equal("PUT", record.Method);
        using var body = JsonDocument.Parse(record.Body);
        Assert.Equal(email, body.RootElement.GetProperty("email").GetString());
        Assert.Equal(userId, body.RootElement.GetProperty("customer_id").GetGuid());
        Assert.EndsWith("+00:00", body.RootElement.GetProperty("created_at").GetString(), StringComparison.Ordinal);
        Assert.Equal(record.ErpId, await fixture.ScalarAsync<string>("SELECT erp_customer_id FROM users WHERE id = @id", ("id", userId)));
        Assert.True(await fixture.ScalarAsync<bool>("SELECT erp_synced_at IS NOT NULL FROM users WHERE id = @id", ("id", userId)));
        Assert.Empty(fixture.Erp.RuleViolations);
    }

    [Fact]
    public async Task Given_a_paid_order_When_the_outbox_drains_Then_the_sales_order_precedes_its_payment_and_every_id_is_written_back()
    {
        var placed = await fixture.SubmittedAsync();
        (await fixture.CreateClient().WithBearer(fixture.AdminToken()).VerifyAsync(placed.PaymentId)).EnsureSuccessStatusCode();

        await fixture.DrainAsync();

        var salesOrder = Assert.Single(fixture.Erp.RecordsOf("sales_order"), r => r.Body.Contains(placed.OrderNumber, StringComparison.Ordinal));
        var payment = Assert.Single(fixture.Erp.RecordsOf("payment"), r => r.Body.Contains(placed.PaymentReference, StringComparison.Ordinal));
        Assert.True(salesOrder.Sequence < payment.Sequence, "the sales order must reach the ERP before its payment");
        using var order = JsonDocument.Parse(salesOrder.Body);
        var line = Assert.Single(order.RootElement.GetProperty("lines").EnumerateArray());
        Assert.True(line.GetProperty("unit_price_cents").GetInt32() > 0);
        Assert.False(string.IsNullOrEmpty(line.GetProperty("sku").GetString()));
        Assert.Equal(placed.TotalCents, order.RootElement.GetProperty("total_cents").GetInt32());
        Assert.Equal("Springfield", order.RootElement.GetProperty("shipping_address").GetProperty("city").GetString());
        Assert.Equal(salesOrder.ErpId, await fixture.ScalarAsync<string>("SELECT erp_order_id FROM orders WHERE id = @id", ("id", placed.OrderId)));
        Assert.Equal($"{salesOrder.ErpId}-L1",
            await fixture.ScalarAsync<string>("SELECT erp_line_id FROM order_items WHERE order_id = @id", ("id", placed.OrderId)));
        Assert.Equal(payment.ErpId, await fixture.ScalarAsync<string>("SELECT erp_payment_id FROM payments WHERE id = @id", ("id", placed.PaymentId)));
        using var paid = JsonDocument.Parse(payment.Body);
        Assert.Equal(placed.TotalCents, paid.RootElement.GetProperty("amount_cents").GetInt32());
        Assert.Equal("zelle", paid.RootElement.GetProperty("method").GetString());
        Assert.Empty(fixture.Erp.RuleViolations);
    }

    [Fact]
    public async Task Given_the_ERP_answers_500_When_the_drain_runs_Then_the_message_waits_with_backoff_and_is_sent_when_due()
    {
        var id = await EnqueueItemAsync("SKU-500");
        fixture.Erp.Enqueue(FakeFault.Answer(500));

        var first = await fixture.DrainAsync();

        Assert.Equal(1, first.Retrying);
        Assert.Equal(OutboxStatuses.Failed, await fixture.OutboxStatusAsync(id));
        Assert.Equal(500, await fixture.ScalarAsync<int>("SELECT response_status FROM webhooks_outbox WHERE id = @id", ("id", id)));
        var wait = await fixture.ScalarAsync<double>(
            "SELECT extract(epoch FROM scheduled_for - last_attempt_at)::float8 FROM webhooks_outbox WHERE id = @id", ("id", id));
        Assert.InRange(wait, 5, 10); // the first backoff: 10 s with 50-100 % jitter
        Assert.Equal(0, (await fixture.DrainAsync()).Claimed); // not due yet

        fixture.Factory.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(1, (await fixture.DrainAsync()).Sent);
        Assert.Equal(OutboxStatuses.Sent, await fixture.OutboxStatusAsync(id));
        Assert.Equal(2, await fixture.ScalarAsync<int>("SELECT attempts FROM webhooks_outbox WHERE id = @id", ("id", id)));
    }

    [Fact]
    public async Task Given_the_ERP_answers_429_with_Retry_After_When_the_drain_runs_Then_the_retry_waits_as_long_as_asked()
    {
        var id = await EnqueueItemAsync("SKU-429");
        fixture.Erp.Enqueue(FakeFault.Answer(429, retryAfterSeconds: 120));

        await fixture.DrainAsync();

        var wait = await fixture.ScalarAsync<double>(
            "SELECT extract(epoch FROM scheduled_for - last_attempt_at)::float8 FROM webhooks_outbox WHERE id = @id", ("id", id));
        Assert.InRange(wait, 119.9, 121);
        Assert.Equal(OutboxStatuses.Failed, await fixture.OutboxStatusAsync(id));
    }

    [Fact]
    public async Task Given_the_ERP_refuses_with_400_When_the_drain_runs_Then_the_message_is_dead_at_once_and_blocks_its_entity_until_an_admin_retries()
    {
        var entity = Guid.NewGuid();
        var refused = await EnqueueItemAsync("SKU-400", entity);
        var later = await EnqueueItemAsync("SKU-400", entity);
        fixture.Erp.Enqueue(FakeFault.Answer(400));

        var pass = await fixture.DrainAsync();

        Assert.Equal(1, pass.Dead);
        Assert.Equal(OutboxStatuses.Dead, await fixture.OutboxStatusAsync(refused));
        Assert.Equal(OutboxStatuses.Pending, await fixture.OutboxStatusAsync(later)); // never overtakes the refused one

        var admin = fixture.CreateClient().WithBearer(fixture.AdminToken());
        (await admin.PostAsync($"/api/v1/admin/outbox/{refused}/retry", null)).EnsureSuccessStatusCode();
        Assert.Equal(2, (await fixture.DrainAsync()).Sent);
        Assert.Equal(1, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE action = 'outbox.retried' AND resource_id = @id", ("id", refused)));
    }

    [Fact]
    public async Task Given_a_replayed_idempotency_key_When_the_ERP_answers_409_with_the_id_Then_the_message_is_sent()
    {
        var id = await EnqueueItemAsync("SKU-409");
        await fixture.DrainAsync();
        await fixture.ExecuteAsync("UPDATE webhooks_outbox SET status = 'pending', sent_at = NULL WHERE id = @id", ("id", id));
        var replaysBefore = fixture.Erp.Replays;

        var pass = await fixture.DrainAsync();

        Assert.Equal(1, pass.Sent);
        Assert.Equal(409, await fixture.ScalarAsync<int>("SELECT response_status FROM webhooks_outbox WHERE id = @id", ("id", id)));
        Assert.Equal(replaysBefore + 1, fixture.Erp.Replays);
        Assert.Single(fixture.Erp.Records, r => r.IdempotencyKey == id.ToString());
    }

    [Fact]
    public async Task Given_a_slow_ERP_When_it_answers_after_the_timeout_Then_the_attempt_is_a_transient_failure()
    {
        var id = await EnqueueItemAsync("SKU-SLOW");
        fixture.Erp.Enqueue(FakeFault.Slow(TimeSpan.FromSeconds(5)));

        var pass = await fixture.DrainAsync();

        Assert.Equal(1, pass.Retrying);
        Assert.Equal(OutboxStatuses.Failed, await fixture.OutboxStatusAsync(id));
        Assert.Contains("unavailable", await fixture.ScalarAsync<string>("SELECT error_message FROM webhooks_outbox WHERE id = @id", ("id", id)),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_transient_failures_When_max_attempts_are_spent_Then_the_message_is_a_dead_letter_and_stays_one()
    {
        var id = await EnqueueItemAsync("SKU-DEAD");
        await fixture.ExecuteAsync("UPDATE webhooks_outbox SET max_attempts = 2 WHERE id = @id", ("id", id));
        fixture.Erp.Enqueue(FakeFault.Answer(503), FakeFault.Answer(503));

        await fixture.DrainAsync();
        fixture.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await fixture.DrainAsync();
        fixture.Factory.Time.Advance(TimeSpan.FromHours(2));
        var later = await fixture.DrainAsync();

        Assert.Equal(OutboxStatuses.Dead, await fixture.OutboxStatusAsync(id));
        Assert.Equal(0, later.Claimed);
        Assert.Equal(2, await fixture.ScalarAsync<int>("SELECT attempts FROM webhooks_outbox WHERE id = @id", ("id", id)));
    }

    [Fact]
    public async Task Given_the_token_expires_mid_run_When_messages_are_sent_Then_it_is_renewed_once_and_no_message_fails()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await EnqueueItemAsync($"SKU-TOKEN-{i}"));
        }

        await fixture.DrainAsync(); // warm: a token is cached
        var renewals = fixture.Erp.Authentications;
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await EnqueueItemAsync($"SKU-TOKEN-B-{i}"));
        }

        fixture.Erp.ExpireTokens();
        var pass = await fixture.DrainAsync();

        Assert.Equal(20, pass.Sent);
        Assert.Equal(0, pass.Retrying + pass.Dead);
        Assert.Equal(renewals + 1, fixture.Erp.Authentications);
    }

    [Fact]
    public async Task Given_a_host_that_dies_after_sending_When_another_drain_runs_Then_the_message_is_sent_again_with_the_same_key_and_recorded_once()
    {
        var id = await EnqueueItemAsync("SKU-CRASH");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            fixture.DrainAsync(_ => throw new InvalidOperationException("the host died between sending and marking")));
        Assert.Equal(OutboxStatuses.Pending, await fixture.OutboxStatusAsync(id));
        Assert.Single(fixture.Erp.Records, r => r.IdempotencyKey == id.ToString());

        var replays = fixture.Erp.Replays;
        Assert.Equal(1, (await fixture.DrainAsync()).Sent);
        Assert.Equal(OutboxStatuses.Sent, await fixture.OutboxStatusAsync(id));
        Assert.Single(fixture.Erp.Records, r => r.IdempotencyKey == id.ToString());
        Assert.Equal(replays + 1, fixture.Erp.Replays);
    }

    [Fact]
    public async Task Given_a_shipped_and_partly_refunded_order_When_the_outbox_drains_Then_shipment_and_credit_memo_follow_the_sales_order_with_their_ids()
    {
        var product = await fixture.ProductAsync(onHand: 10, priceCents: 4_000);
        await fixture.LotAsync(product, "ERP", expiresInDays: 365, quantity: 10);
        var paid = await fixture.PaidOrderAsync(product, 2);
        var admin = fixture.Admin();
        var shipment = await admin.FulfilAndShipAsync(paid.OrderId, paid.OrderItemId, 2);
        var paymentId = await fixture.ScalarAsync<Guid>("SELECT id FROM payments WHERE order_id = @id AND status = 'completed'", ("id", paid.OrderId));
        var refund = await (await admin.PostAsJsonAsync($"/api/v1/admin/payments/{paymentId}/refunds",
            new { amountCents = 1_000, reason = "damaged vial", refundMethod = "zelle" })).ReadAsync();
        (await admin.PostAsync($"/api/v1/admin/refunds/{refund.GetProperty("id").GetGuid()}/complete", null)).EnsureSuccessStatusCode();

        await fixture.DrainAsync();

        var order = Assert.Single(fixture.Erp.RecordsOf("sales_order"), r => r.Body.Contains(paid.OrderNumber, StringComparison.Ordinal));
        var shipped = Assert.Single(fixture.Erp.RecordsOf("shipment"), r => r.Body.Contains(paid.OrderNumber, StringComparison.Ordinal));
        var memo = Assert.Single(fixture.Erp.RecordsOf("credit_memo"), r => r.Body.Contains(paid.OrderNumber, StringComparison.Ordinal));
        Assert.True(order.Sequence < shipped.Sequence && shipped.Sequence < memo.Sequence, "one order's messages reach the ERP in the order they were written");
        using var body = JsonDocument.Parse(shipped.Body);
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("lines")[0].GetProperty("batch_number").GetString()));
        Assert.Equal(shipped.ErpId, await fixture.ScalarAsync<string>("SELECT erp_shipment_id FROM fulfillments WHERE id = @id", ("id", shipment.Id())));
        Assert.Equal(memo.ErpId, await fixture.ScalarAsync<string>("SELECT erp_refund_id FROM refunds WHERE id = @id", ("id", refund.GetProperty("id").GetGuid())));
        Assert.Empty(fixture.Erp.RuleViolations);
    }

    private async Task<Guid> EnqueueItemAsync(string sku, Guid? productId = null) =>
        await OutboxRows.InsertItemUpsertAsync(fixture, sku, productId ?? Guid.NewGuid(), fixture.Factory.Time.GetUtcNow());
}
