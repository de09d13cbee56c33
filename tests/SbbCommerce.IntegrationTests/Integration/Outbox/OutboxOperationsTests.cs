namespace SbbCommerce.IntegrationTests.Integration.Outbox;

/// <summary>What operators see and do: the outbox list and detail, the ERP status, a re-sync, readiness facts.</summary>
public sealed class OutboxOperationsTests(ErpFixture fixture) : IClassFixture<ErpFixture>
{
    [Fact]
    public async Task Given_a_dead_letter_When_an_admin_reads_the_outbox_and_the_ERP_status_Then_both_show_it_with_its_error()
    {
        await OutboxRows.SettleAllAsync(fixture);
        var id = await OutboxRows.InsertItemUpsertAsync(fixture, "OPS-400", Guid.NewGuid(), fixture.Factory.Time.GetUtcNow());
        fixture.Erp.Enqueue(Fakes.FakeFault.Answer(422));
        await fixture.DrainAsync();
        var admin = fixture.CreateClient().WithBearer(fixture.AdminToken());

        var dead = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/outbox?status=dead&destination=epicor_propello&eventType=item.upsert");
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/outbox/{id}");
        var status = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/erp/status");

        Assert.Contains(dead.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == id);
        Assert.Equal(422, detail.GetProperty("responseStatus").GetInt32());
        Assert.Equal("OPS-400", detail.GetProperty("payload").GetProperty("sku").GetString());
        Assert.Contains("422", detail.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.True(status.GetProperty("erpConfigured").GetBoolean());
        var erp = Assert.Single(status.GetProperty("destinations").EnumerateArray(), d => d.GetProperty("destination").GetString() == "epicor_propello");
        Assert.True(erp.GetProperty("deadLetters").GetInt64() >= 1);
        Assert.True(erp.GetProperty("counts").GetProperty("dead").GetInt64() >= 1);
    }

    [Fact]
    public async Task Given_an_unknown_status_When_an_admin_lists_the_outbox_Then_400_validation_failed()
    {
        var response = await Admin().GetAsync("/api/v1/admin/outbox?status=lost");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_no_such_message_When_an_admin_reads_it_Then_404_outbox_message_not_found()
    {
        var response = await Admin().GetAsync($"/api/v1/admin/outbox/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "outbox_message_not_found");
    }

    [Fact]
    public async Task Given_a_sent_message_When_an_admin_retries_it_Then_422_outbox_message_not_retryable()
    {
        var sentId = await OutboxRows.InsertItemUpsertAsync(fixture, "OPS-SENT", Guid.NewGuid(), fixture.Factory.Time.GetUtcNow());
        await fixture.DrainAsync();

        var response = await Admin().PostAsync($"/api/v1/admin/outbox/{sentId}/retry", null);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "outbox_message_not_retryable");
    }

    [Fact]
    public async Task Given_an_unknown_entity_type_When_an_admin_resyncs_Then_400_validation_failed()
    {
        var response = await Admin().PostAsJsonAsync("/api/v1/admin/erp/resync", new { entityType = "planet", entityId = Guid.NewGuid() });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_no_such_order_When_an_admin_resyncs_it_Then_404_erp_entity_not_found()
    {
        var response = await Admin().PostAsJsonAsync("/api/v1/admin/erp/resync", new { entityType = "order", entityId = Guid.NewGuid() });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "erp_entity_not_found");
    }

    [Fact]
    public async Task Given_a_customer_When_listing_the_outbox_Then_403()
    {
        var response = await fixture.CreateClient().WithBearer(fixture.TokenFor("customer", SeededData.CustomerId)).GetAsync("/api/v1/admin/outbox");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Given_a_synced_payment_When_an_admin_resyncs_it_Then_its_sync_time_is_cleared_and_the_ERP_hears_it_again()
    {
        var placed = await fixture.SubmittedAsync();
        var admin = fixture.CreateClient().WithBearer(fixture.AdminToken());
        (await admin.VerifyAsync(placed.PaymentId)).EnsureSuccessStatusCode();
        await fixture.DrainAsync();

        var resync = await admin.PostAsJsonAsync("/api/v1/admin/erp/resync", new { entityType = "payment", entityId = placed.PaymentId });

        Assert.Equal(HttpStatusCode.Accepted, resync.StatusCode);
        Assert.True(await fixture.ScalarAsync<bool>("SELECT erp_synced_at IS NULL FROM payments WHERE id = @id", ("id", placed.PaymentId)));
        await fixture.DrainAsync();
        Assert.Equal(2, fixture.Erp.RecordsOf("payment").Count(r => r.Body.Contains(placed.PaymentReference, StringComparison.Ordinal)));
        Assert.True(await fixture.ScalarAsync<bool>("SELECT erp_synced_at IS NOT NULL FROM payments WHERE id = @id", ("id", placed.PaymentId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE action = 'erp.resync_requested' AND resource_id = @id", ("id", placed.PaymentId)));
    }

    [Fact]
    public async Task Given_a_running_host_When_readiness_is_asked_Then_it_names_database_outbox_erp_and_email()
    {
        var ready = await fixture.CreateClient().GetFromJsonAsync<JsonElement>("/health/ready");

        var checks = ready.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("outbox").GetProperty("status").GetString());
        Assert.Equal("configured", checks.GetProperty("erp").GetProperty("description").GetString());
        Assert.Contains("not configured", checks.GetProperty("email").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());
}
