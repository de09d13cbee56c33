namespace SbbCommerce.IntegrationTests.Catalog.Inventory;

/// <summary>POST /admin/products/{id}/inventory-adjustments and GET /admin/products/low-stock.</summary>
public sealed class InventoryAdjustmentTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_product_When_an_admin_adds_units_Then_on_hand_grows_and_the_reason_is_audited()
    {
        var product = await fixture.CreateProductAsync(CatalogApi.ProductBody(quantityOnHand: 100));

        var level = await (await AdjustAsync(product.Id(), 25, "Delivery 2026-11-27")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(125, level.Int("quantityOnHand"));
        Assert.Equal(125, level.Int("quantityAvailable"));
        Assert.Equal(125, await fixture.ScalarAsync<int>("SELECT quantity_on_hand FROM products WHERE id = @id", ("id", product.Id())));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            """
            SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'product.inventory_adjusted' AND user_id = @admin
               AND old_values->>'quantityOnHand' = '100' AND new_values->>'quantityOnHand' = '125'
               AND new_values->>'delta' = '25' AND new_values->>'reason' = 'Delivery 2026-11-27'
            """,
            ("id", product.Id()), ("admin", SeededData.AdminId)));
    }

    [Fact]
    public async Task Given_reserved_units_When_removing_more_than_are_free_Then_422_insufficient_stock_and_nothing_changes()
    {
        var product = await fixture.CreateProductAsync(CatalogApi.ProductBody(quantityOnHand: 100));
        await fixture.ExecuteAsync("UPDATE products SET quantity_reserved = 30 WHERE id = @id", ("id", product.Id()));

        var refused = await AdjustAsync(product.Id(), -71, "breakage");
        var allowed = await AdjustAsync(product.Id(), -70, "breakage");

        var problem = await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "insufficient_stock");
        Assert.Equal(30, problem.Int("quantityReserved"));
        Assert.Equal(30, (await allowed.ReadJsonAsync(HttpStatusCode.OK)).Int("quantityOnHand"));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'product.inventory_adjusted'", ("id", product.Id())));
    }

    [Fact]
    public async Task Given_an_unknown_product_or_a_zero_delta_When_adjusting_Then_404_or_400()
    {
        var product = await fixture.CreateProductAsync();

        await (await AdjustAsync(Guid.NewGuid(), 1, "count")).AssertProblemAsync(HttpStatusCode.NotFound, "product_not_found");
        var zero = await (await AdjustAsync(product.Id(), 0, "count")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(zero.GetProperty("errors").TryGetProperty("delta", out _));
        var noReason = await (await AdjustAsync(product.Id(), 1, "  ")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Given_stock_levels_When_listing_low_stock_Then_products_at_or_below_their_threshold_come_least_available_first()
    {
        var low = await fixture.CreateProductAsync(CatalogApi.ProductBody(quantityOnHand: 12));
        await fixture.ExecuteAsync("UPDATE products SET quantity_reserved = 10 WHERE id = @id", ("id", low.Id()));
        var atThreshold = await fixture.CreateProductAsync(CatalogApi.ProductBody(quantityOnHand: 10));
        var plenty = await fixture.CreateProductAsync(CatalogApi.ProductBody(quantityOnHand: 11));
        var noThreshold = await fixture.CreateProductAsync(CatalogApi.ProductBody(quantityOnHand: 0, change: b => b["lowStockThreshold"] = null));

        var items = await LowStockAsync();

        var ids = items.Select(item => item.GetProperty("productId").GetGuid()).ToList();
        Assert.Contains(low.Id(), ids);
        Assert.Contains(atThreshold.Id(), ids);
        Assert.Contains(Guid.Parse("00000000-0000-4000-8000-000000020010"), ids); // seeded Epitalon: 5 of 10
        Assert.DoesNotContain(plenty.Id(), ids);
        Assert.DoesNotContain(noThreshold.Id(), ids);
        Assert.DoesNotContain(SeededData.BpcProductId, ids);
        var available = items.Select(item => item.Int("quantityAvailable")).ToList();
        Assert.Equal(available.Order(), available);
        Assert.Equal(2, items.Single(item => item.GetProperty("productId").GetGuid() == low.Id()).Int("quantityAvailable"));
    }

    [Fact]
    public async Task Given_more_low_stock_products_than_a_page_When_paging_Then_pages_do_not_overlap()
    {
        for (var i = 0; i < 3; i++)
        {
            await fixture.CreateProductAsync(CatalogApi.ProductBody(quantityOnHand: i));
        }

        var first = await (await fixture.Admin().GetAsync("/api/v1/admin/products/low-stock?limit=2")).ReadJsonAsync(HttpStatusCode.OK);
        var second = await (await fixture.Admin().GetAsync($"/api/v1/admin/products/low-stock?limit=2&cursor={first.Str("nextCursor")}"))
            .ReadJsonAsync(HttpStatusCode.OK);

        var firstIds = first.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("productId").GetGuid()).ToList();
        var secondIds = second.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("productId").GetGuid()).ToList();
        Assert.Equal(2, firstIds.Count);
        Assert.NotEmpty(secondIds);
        Assert.Empty(firstIds.Intersect(secondIds));
        Assert.True(first.GetProperty("items")[1].Int("quantityAvailable") <= second.GetProperty("items")[0].Int("quantityAvailable"));
    }

    private Task<HttpResponseMessage> AdjustAsync(Guid productId, int delta, string reason) =>
        fixture.Admin().PostAsJsonAsync($"/api/v1/admin/products/{productId}/inventory-adjustments", new { delta, reason });

    private async Task<List<JsonElement>> LowStockAsync()
    {
        var page = await (await fixture.Admin().GetAsync("/api/v1/admin/products/low-stock?limit=200")).ReadJsonAsync(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().ToList();
    }
}
