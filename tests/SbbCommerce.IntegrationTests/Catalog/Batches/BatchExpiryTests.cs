namespace SbbCommerce.IntegrationTests.Catalog.Batches;

/// <summary>
/// The storefront's current batch is computed against the host's clock: an expired batch disappears without any
/// admin action. A class of its own, because it moves the clock of its host by days.
/// </summary>
public sealed class BatchExpiryTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_current_batch_When_it_expires_Then_the_storefront_stops_showing_it()
    {
        var today = DateOnly.FromDateTime(fixture.Factory.Time.GetUtcNow().UtcDateTime);
        var product = await fixture.CreateActiveProductAsync();
        var admin = fixture.Admin();
        var batch = await (await admin.PostAsJsonAsync($"/api/v1/admin/products/{product.Id()}/batches", new
        {
            batchNumber = "LOT-SHORT",
            quantityProduced = 100,
            coaFileUrl = "https://coa.example/LOT-SHORT.pdf",
            manufacturedAt = today.AddDays(-30),
            expiresAt = today.AddDays(3),
        })).ReadJsonAsync(HttpStatusCode.Created);
        await (await admin.PostAsync($"/api/v1/admin/batches/{batch.Id()}/verify-coa", null)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("LOT-SHORT", (await PageAsync(product)).GetProperty("currentBatch").Str("batchNumber"));

        fixture.Factory.Time.Advance(TimeSpan.FromDays(4));

        Assert.Equal(JsonValueKind.Null, (await PageAsync(product)).GetProperty("currentBatch").ValueKind);
    }

    private async Task<JsonElement> PageAsync(JsonElement product) =>
        await (await fixture.CreateClient().GetAsync($"/api/v1/products/{product.Str("slug")}")).ReadJsonAsync(HttpStatusCode.OK);
}
