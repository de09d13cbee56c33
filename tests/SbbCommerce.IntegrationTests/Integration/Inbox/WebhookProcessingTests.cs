namespace SbbCommerce.IntegrationTests.Integration.Inbox;

/// <summary>Processing: ERP counts applied once and in as-of order, never below reserved; retries, failures and replay.</summary>
public sealed class WebhookProcessingTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    [Fact]
    public async Task Given_an_out_of_order_pair_of_counts_When_processed_Then_the_newer_count_wins_and_the_older_is_recorded_stale()
    {
        var (product, sku) = await ProductAsync(onHand: 50);
        var now = fixture.Factory.Time.GetUtcNow();
        (await fixture.PostErpAsync(Count(sku, 30, now.AddMinutes(-1)))).EnsureSuccessStatusCode();
        (await fixture.PostErpAsync(Count(sku, 40, now.AddMinutes(-10)))).EnsureSuccessStatusCode();

        await fixture.ProcessInboxAsync();

        Assert.Equal(30, await fixture.ScalarAsync<int>("SELECT quantity_on_hand FROM products WHERE id = @id", ("id", product)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_inbox WHERE payload->'data'->>'sku' = @sku AND result->>'result' = 'stale'", ("sku", sku)));
    }

    [Fact]
    public async Task Given_a_count_below_reserved_stock_When_processed_Then_on_hand_stops_at_reserved_and_the_discrepancy_is_listed_and_audited()
    {
        var (product, sku) = await ProductAsync(onHand: 10);
        await fixture.PlaceOrderAsync(product, quantity: 3);
        (await fixture.PostErpAsync(Count(sku, 1, fixture.Factory.Time.GetUtcNow()))).EnsureSuccessStatusCode();

        await fixture.ProcessInboxAsync();

        Assert.Equal(3, await fixture.ScalarAsync<int>("SELECT quantity_on_hand FROM products WHERE id = @id", ("id", product)));
        var page = await fixture.CreateClient().WithBearer(fixture.AdminToken()).GetFromJsonAsync<JsonElement>("/api/v1/admin/inventory/discrepancies");
        var row = Assert.Single(page.GetProperty("items").EnumerateArray(), d => d.GetProperty("sku").GetString() == sku);
        Assert.Equal(1, row.GetProperty("counted").GetInt32());
        Assert.Equal(3, row.GetProperty("reserved").GetInt32());
        Assert.Equal(3, row.GetProperty("applied").GetInt32());
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE action = 'inventory.discrepancy' AND resource_id = @id", ("id", product)));
    }

    [Fact]
    public async Task Given_one_count_delivered_five_times_at_once_When_processed_Then_it_is_applied_once()
    {
        var (product, sku) = await ProductAsync(onHand: 10);
        var body = Count(sku, 77, fixture.Factory.Time.GetUtcNow());
        var id = $"msg_{Guid.NewGuid():N}";
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => fixture.PostErpAsync(body, id)));

        await Task.WhenAll(fixture.ProcessInboxAsync(), fixture.ProcessInboxAsync());

        Assert.Equal(77, await fixture.ScalarAsync<int>("SELECT quantity_on_hand FROM products WHERE id = @id", ("id", product)));
        Assert.Equal("completed", await fixture.ScalarAsync<string>("SELECT status FROM webhooks_inbox WHERE provider_event_id = @id", ("id", id)));
    }

    [Fact]
    public async Task Given_a_failing_handler_When_retries_are_spent_Then_the_event_stays_failed_and_an_admin_replay_applies_it()
    {
        fixture.Flaky.FailuresLeft = 10;
        var id = $"msg_{Guid.NewGuid():N}";
        (await fixture.PostErpAsync("""{"type":"test.flaky","data":{}}""", id)).EnsureSuccessStatusCode();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            await fixture.ProcessInboxAsync();
            fixture.Factory.Time.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Equal("failed", await fixture.ScalarAsync<string>("SELECT status FROM webhooks_inbox WHERE provider_event_id = @id", ("id", id)));
        Assert.Equal(3, await fixture.ScalarAsync<int>("SELECT attempts FROM webhooks_inbox WHERE provider_event_id = @id", ("id", id)));
        Assert.Contains("unavailable", await fixture.ScalarAsync<string>("SELECT error_message FROM webhooks_inbox WHERE provider_event_id = @id", ("id", id)),
            StringComparison.Ordinal);

        fixture.Flaky.FailuresLeft = 0;
        var inboxId = await fixture.ScalarAsync<Guid>("SELECT id FROM webhooks_inbox WHERE provider_event_id = @id", ("id", id));
        var replay = await fixture.CreateClient().WithBearer(fixture.AdminToken()).PostAsync($"/api/v1/admin/webhooks/inbox/{inboxId}/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        await fixture.ProcessInboxAsync();

        Assert.Equal("completed", await fixture.ScalarAsync<string>("SELECT status FROM webhooks_inbox WHERE id = @id", ("id", inboxId)));
        var detail = await fixture.CreateClient().WithBearer(fixture.AdminToken()).GetFromJsonAsync<JsonElement>($"/api/v1/admin/webhooks/inbox/{inboxId}");
        Assert.Equal("done", detail.GetProperty("result").GetProperty("result").GetString());
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE action = 'webhook.replayed' AND resource_id = @id", ("id", inboxId)));
    }

    [Fact]
    public async Task Given_an_ERP_customer_update_When_processed_Then_the_terms_are_on_the_user_for_admins()
    {
        var email = IdentityApi.NewEmail("terms");
        var userId = (await fixture.CreateClient().RegisterAsync(email)).GetProperty("id").GetGuid();
        (await fixture.PostErpAsync(JsonSerializer.Serialize(new
            {
                type = "customer.updated",
                data = new { erpCustomerId = $"C-{userId:N}", email, creditLimitCents = 500_000, terms = "NET30" },
            })))
            .EnsureSuccessStatusCode();

        await fixture.ProcessInboxAsync();

        var user = await fixture.CreateClient().WithBearer(fixture.AdminToken()).GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{userId}");
        Assert.Equal("NET30", user.GetProperty("erp").GetProperty("terms").GetString());
        Assert.Equal(500000, user.GetProperty("erp").GetProperty("creditLimitCents").GetInt32());
        Assert.Equal($"C-{userId:N}", user.GetProperty("erp").GetProperty("erpCustomerId").GetString());
    }

    private async Task<(Guid Id, string Sku)> ProductAsync(int onHand)
    {
        var id = await fixture.ProductAsync(onHand: onHand);
        return (id, await fixture.ScalarAsync<string>("SELECT sku FROM products WHERE id = @id", ("id", id)));
    }

    private static string Count(string sku, int quantity, DateTimeOffset asOf) =>
        JsonSerializer.Serialize(new { type = "inventory.updated", data = new { sku, quantityOnHand = quantity, asOf } });
}
