namespace SbbCommerce.IntegrationTests.Catalog;

/// <summary>Arranges catalog rows through the admin API (as the seeded super_admin), so tests start from a clean product.</summary>
internal static class CatalogApi
{
    /// <summary>A client of the seeded super_admin, with a token valid by the host's clock (which tests may move).</summary>
    public static HttpClient Admin(this ApiFixture fixture) => fixture.CreateClient().WithBearer(fixture.AdminToken());

    /// <summary>A unique sku and slug pair.</summary>
    public static (string Sku, string Slug) NewIdentity()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        return ($"T-{suffix.ToUpperInvariant()}", $"t-{suffix}");
    }

    public static Dictionary<string, object?> ProductBody(int priceCents = 2500, int quantityOnHand = 100, Action<Dictionary<string, object?>>? change = null)
    {
        var (sku, slug) = NewIdentity();
        var body = new Dictionary<string, object?>
        {
            ["sku"] = sku,
            ["name"] = $"Test peptide {slug}",
            ["slug"] = slug,
            ["productType"] = "peptide",
            ["priceCents"] = priceCents,
            ["quantityOnHand"] = quantityOnHand,
        };
        change?.Invoke(body);
        return body;
    }

    /// <summary>Creates a draft product; returns its admin representation.</summary>
    public static async Task<JsonElement> CreateProductAsync(this ApiFixture fixture, Dictionary<string, object?>? body = null)
    {
        var response = await fixture.Admin().PostAsJsonAsync("/api/v1/admin/products", body ?? ProductBody());
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    /// <summary>Creates and publishes a product; returns its admin representation after publication.</summary>
    public static async Task<JsonElement> CreateActiveProductAsync(this ApiFixture fixture, Dictionary<string, object?>? body = null)
    {
        var product = await fixture.CreateProductAsync(body);
        var response = await fixture.Admin().PostAsync($"/api/v1/admin/products/{product.Id()}/publish", null);
        return await response.ReadJsonAsync(HttpStatusCode.OK);
    }

    /// <summary>The host clock's date (UTC), the one batch expiry is judged by.</summary>
    public static DateOnly Today(this ApiFixture fixture) => DateOnly.FromDateTime(fixture.Now.UtcDateTime);

    /// <summary>Records a batch of the product (COA verified unless told otherwise); returns its admin representation.</summary>
    public static async Task<JsonElement> CreateBatchAsync(
        this ApiFixture fixture, Guid productId, string batchNumber, DateOnly made, DateOnly expires, int quantity = 100,
        bool verified = true, bool isActive = true)
    {
        var admin = fixture.Admin();
        var batch = await (await admin.PostAsJsonAsync($"/api/v1/admin/products/{productId}/batches", new
        {
            batchNumber,
            quantityProduced = quantity,
            coaFileUrl = $"https://coa.example/{batchNumber}.pdf",
            manufacturedAt = made,
            expiresAt = expires,
            isActive,
        })).ReadJsonAsync(HttpStatusCode.Created);
        return verified
            ? await (await admin.PostAsync($"/api/v1/admin/batches/{batch.Id()}/verify-coa", null)).ReadJsonAsync(HttpStatusCode.OK)
            : batch;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static int Int(this JsonElement element, string property) => element.GetProperty(property).GetInt32();
}
