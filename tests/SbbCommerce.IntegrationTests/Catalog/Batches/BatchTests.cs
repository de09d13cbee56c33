namespace SbbCommerce.IntegrationTests.Catalog.Batches;

/// <summary>Batches and their certificates of analysis; the product's current batch follows them.</summary>
public sealed class BatchTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private DateOnly Today => DateOnly.FromDateTime(fixture.Factory.Time.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Given_a_product_When_an_admin_records_a_batch_Then_201_unverified_audited_and_not_yet_current()
    {
        var product = await fixture.CreateActiveProductAsync();

        var response = await CreateBatchAsync(product.Id(), "LOT-A", made: Today.AddDays(-10), expires: Today.AddDays(300));

        var batch = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/admin/batches/{batch.Id()}", response.Headers.Location?.ToString());
        Assert.False(batch.GetProperty("coaVerified").GetBoolean());
        Assert.Equal(500, batch.Int("quantityRemaining"));
        Assert.Equal(JsonValueKind.Null, (await PageAsync(product)).GetProperty("currentBatch").ValueKind);
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'batch.created' AND resource_type = 'product_batch'",
            ("id", batch.Id())));
    }

    [Fact]
    public async Task Given_a_batch_number_used_by_the_product_When_recording_it_again_Then_409_but_another_product_may_use_it()
    {
        var product = await fixture.CreateProductAsync();
        var other = await fixture.CreateProductAsync();
        await (await CreateBatchAsync(product.Id(), "LOT-DUP", Today.AddDays(-1), Today.AddDays(100))).ReadJsonAsync(HttpStatusCode.Created);

        var again = await CreateBatchAsync(product.Id(), "LOT-DUP", Today.AddDays(-1), Today.AddDays(100));
        var elsewhere = await CreateBatchAsync(other.Id(), "LOT-DUP", Today.AddDays(-1), Today.AddDays(100));

        await again.AssertProblemAsync(HttpStatusCode.Conflict, "batch_number_taken");
        await elsewhere.ReadJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Given_bad_dates_or_an_unknown_product_When_recording_a_batch_Then_400_or_404()
    {
        var product = await fixture.CreateProductAsync();

        var backwards = await (await CreateBatchAsync(product.Id(), "LOT-B", Today.AddDays(-1), Today.AddDays(-1)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var future = await (await CreateBatchAsync(product.Id(), "LOT-F", Today.AddDays(2), Today.AddDays(200)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await CreateBatchAsync(Guid.NewGuid(), "LOT-X", Today.AddDays(-1), Today.AddDays(100)))
            .AssertProblemAsync(HttpStatusCode.NotFound, "product_not_found");

        Assert.True(backwards.GetProperty("errors").TryGetProperty("expiresAt", out _));
        Assert.True(future.GetProperty("errors").TryGetProperty("manufacturedAt", out _));
    }

    [Fact]
    public async Task Given_two_batches_When_verifying_their_coas_Then_who_and_when_are_recorded_and_the_newest_becomes_current()
    {
        var product = await fixture.CreateActiveProductAsync();
        var older = await (await CreateBatchAsync(product.Id(), "LOT-OLD", Today.AddDays(-100), Today.AddDays(300))).ReadJsonAsync(HttpStatusCode.Created);
        var newer = await (await CreateBatchAsync(product.Id(), "LOT-NEW", Today.AddDays(-5), Today.AddDays(500))).ReadJsonAsync(HttpStatusCode.Created);

        var verifiedNewer = await VerifyAsync(newer.Id());
        Assert.Equal("LOT-NEW", (await PageAsync(product)).GetProperty("currentBatch").Str("batchNumber"));
        await VerifyAsync(older.Id());

        Assert.True(verifiedNewer.GetProperty("coaVerified").GetBoolean());
        Assert.Equal(SeededData.AdminId, verifiedNewer.GetProperty("coaVerifiedBy").GetGuid());
        Assert.Equal(fixture.Factory.Time.GetUtcNow().ToUnixTimeSeconds(), verifiedNewer.GetProperty("coaVerifiedAt").GetDateTimeOffset().ToUnixTimeSeconds());
        var page = await PageAsync(product);
        Assert.Equal("LOT-NEW", page.GetProperty("currentBatch").Str("batchNumber"));
        Assert.Equal("https://coa.example/LOT-NEW.pdf", page.GetProperty("currentBatch").Str("coaUrl"));
        var admin = await (await fixture.Admin().GetAsync($"/api/v1/admin/products/{product.Id()}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("LOT-NEW", admin.Str("currentBatchNumber"));
        Assert.Equal("https://coa.example/LOT-NEW.pdf", admin.Str("currentCoaUrl"));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'batch.coa_verified'", ("id", newer.Id())));
    }

    [Fact]
    public async Task Given_a_verified_batch_When_it_is_verified_again_Then_nothing_changes()
    {
        var product = await fixture.CreateProductAsync();
        var batch = await (await CreateBatchAsync(product.Id(), "LOT-TWICE", Today.AddDays(-1), Today.AddDays(100))).ReadJsonAsync(HttpStatusCode.Created);
        var first = await VerifyAsync(batch.Id());

        var second = await VerifyAsync(batch.Id());

        Assert.Equal(first.Str("coaVerifiedAt"), second.Str("coaVerifiedAt"));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'batch.coa_verified'", ("id", batch.Id())));
    }

    [Fact]
    public async Task Given_an_unknown_batch_When_verifying_or_reading_it_Then_404_batch_not_found()
    {
        await (await fixture.Admin().PostAsync($"/api/v1/admin/batches/{Guid.NewGuid()}/verify-coa", null)).AssertProblemAsync(HttpStatusCode.NotFound, "batch_not_found");
        await (await fixture.Admin().GetAsync($"/api/v1/admin/batches/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound, "batch_not_found");
        await (await fixture.Admin().GetAsync($"/api/v1/admin/batches/{Guid.NewGuid()}/recipients")).AssertProblemAsync(HttpStatusCode.NotFound, "batch_not_found");
    }

    [Fact]
    public async Task Given_a_products_batches_When_listing_them_Then_newest_first()
    {
        var product = await fixture.CreateProductAsync();
        await (await CreateBatchAsync(product.Id(), "LOT-1", Today.AddDays(-3), Today.AddDays(100))).ReadJsonAsync(HttpStatusCode.Created);
        fixture.Factory.Time.Advance(TimeSpan.FromSeconds(1));
        await (await CreateBatchAsync(product.Id(), "LOT-2", Today.AddDays(-3), Today.AddDays(100))).ReadJsonAsync(HttpStatusCode.Created);

        var page = await (await fixture.Admin().GetAsync($"/api/v1/admin/products/{product.Id()}/batches")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(["LOT-2", "LOT-1"], page.GetProperty("items").EnumerateArray().Select(b => b.Str("batchNumber")).ToList());
    }

    private Task<HttpResponseMessage> CreateBatchAsync(Guid productId, string number, DateOnly made, DateOnly expires) =>
        fixture.Admin().PostAsJsonAsync($"/api/v1/admin/products/{productId}/batches", new
        {
            batchNumber = number,
            quantityProduced = 500,
            coaFileUrl = $"https://coa.example/{number}.pdf",
            manufacturedAt = made,
            expiresAt = expires,
        });

    private async Task<JsonElement> VerifyAsync(Guid batchId) =>
        await (await fixture.Admin().PostAsync($"/api/v1/admin/batches/{batchId}/verify-coa", null)).ReadJsonAsync(HttpStatusCode.OK);

    private async Task<JsonElement> PageAsync(JsonElement product) =>
        await (await fixture.CreateClient().GetAsync($"/api/v1/products/{product.Str("slug")}")).ReadJsonAsync(HttpStatusCode.OK);
}
