namespace SbbCommerce.IntegrationTests.Cart;

/// <summary>Cart helpers: visitors, products with a known shelf, discounts.</summary>
internal static class CartApi
{
    public static HttpClient Visitor(this ApiFixture fixture, string? anonymousId = null)
    {
        var client = fixture.CreateClient();
        client.DefaultRequestHeaders.Add("X-Anonymous-Id", anonymousId ?? $"visitor-{Guid.NewGuid():N}");
        return client;
    }

    public static Task<HttpResponseMessage> AddAsync(this HttpClient client, Guid productId, int quantity = 1) =>
        client.PostAsJsonAsync("/api/v1/cart/items", new { productId, quantity });

    public static async Task<JsonElement> CartAsync(this HttpClient client) => await client.GetFromJsonAsync<JsonElement>("/api/v1/cart");

    public static async Task<JsonElement> ReadAsync(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>An active product with a known shelf, inserted directly (the catalog's admin routes are tested elsewhere).</summary>
    public static async Task<Guid> ProductAsync(this ApiFixture fixture, int priceCents = 5_000, int onHand = 100, string status = "active", bool deleted = false)
    {
        var sku = $"T-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        return await fixture.ScalarAsync<Guid>(
            """
            INSERT INTO products (sku, name, slug, status, price_cents, quantity_on_hand, published_at, deleted_at, restricted_countries)
            VALUES (@sku, 'Test peptide ' || @sku, lower(@sku), @status::product_status, @price, @onHand, now(),
                    CASE WHEN @deleted THEN now() END, '{}')
            RETURNING id
            """,
            ("sku", sku), ("status", status), ("price", priceCents), ("onHand", onHand), ("deleted", deleted));
    }

    /// <summary>A discount with the given rules (defaults: 10 % off, no limits, started an hour ago).</summary>
    public static async Task<string> DiscountAsync(this ApiFixture fixture, string type = "percentage", int value = 10, int? minimum = null,
        int? usageLimit = null, int usageCount = 0, int? perUser = null, TimeSpan? startsIn = null, TimeSpan? expiresIn = null,
        Guid[]? productIds = null, Guid[]? userIds = null, bool firstOrderOnly = false)
    {
        var code = $"T{Guid.NewGuid():N}"[..12].ToUpperInvariant();
        var now = fixture.Now;
        await fixture.ExecuteAsync(
            """
            INSERT INTO discounts (code, name, discount_type, value, minimum_order_cents, usage_limit, usage_count, usage_limit_per_user,
                                   starts_at, expires_at, product_ids, user_ids, first_order_only)
            VALUES (@code, 'Test', @type, @value, @minimum, @limit, @count, @perUser, @starts, @expires, @products, @users, @first)
            """,
            ("code", code), ("type", type), ("value", value), ("minimum", (object?)minimum ?? DBNull.Value), ("limit", (object?)usageLimit ?? DBNull.Value),
            ("count", usageCount), ("perUser", (object?)perUser ?? DBNull.Value), ("starts", now + (startsIn ?? TimeSpan.FromHours(-1))),
            ("expires", expiresIn is null ? DBNull.Value : now + expiresIn.Value), ("products", (object?)productIds ?? DBNull.Value),
            ("users", (object?)userIds ?? DBNull.Value), ("first", firstOrderOnly));
        return code;
    }
}
