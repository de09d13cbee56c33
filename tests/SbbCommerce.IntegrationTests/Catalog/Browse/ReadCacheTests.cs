namespace SbbCommerce.IntegrationTests.Catalog.Browse;

/// <summary>
/// Public reads are served from the read cache (a change made behind the API's back stays invisible), and an
/// admin's change through the API evicts it at once (the host's clock never moves here, so nothing expires by time).
/// </summary>
public sealed class ReadCacheTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_cached_product_page_When_the_price_changes_behind_the_api_Then_the_cached_price_is_served()
    {
        var product = await fixture.CreateActiveProductAsync(CatalogApi.ProductBody(priceCents: 2500));
        var slug = product.Str("slug");
        Assert.Equal(2500, (await PageAsync(slug)).Int("priceCents"));

        await fixture.ExecuteAsync("UPDATE products SET price_cents = 9999 WHERE id = @id", ("id", product.Id()));

        Assert.Equal(2500, (await PageAsync(slug)).Int("priceCents"));
    }

    [Fact]
    public async Task Given_a_cached_product_page_and_list_When_an_admin_changes_the_price_Then_the_next_read_shows_it()
    {
        var body = CatalogApi.ProductBody(priceCents: 2500);
        var product = await fixture.CreateActiveProductAsync(body);
        var slug = product.Str("slug");
        Assert.Equal(2500, (await PageAsync(slug)).Int("priceCents"));
        Assert.Equal(2500, (await ListedAsync(slug)).Int("priceCents"));

        body["priceCents"] = 1999;
        body["version"] = product.GetProperty("version").GetUInt32();
        var update = await fixture.Admin().PutAsJsonAsync($"/api/v1/admin/products/{product.Id()}", body);
        await update.ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(1999, (await PageAsync(slug)).Int("priceCents"));
        Assert.Equal(1999, (await ListedAsync(slug)).Int("priceCents"));
    }

    [Fact]
    public async Task Given_a_cached_product_page_When_an_admin_adjusts_its_stock_Then_the_next_read_shows_it()
    {
        var product = await fixture.CreateActiveProductAsync(CatalogApi.ProductBody(quantityOnHand: 10));
        var slug = product.Str("slug");
        Assert.Equal(10, (await PageAsync(slug)).GetProperty("availability").Int("quantityAvailable"));

        var adjust = await fixture.Admin().PostAsJsonAsync($"/api/v1/admin/products/{product.Id()}/inventory-adjustments",
            new { delta = 5, reason = "delivery" });
        await adjust.ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(15, (await PageAsync(slug)).GetProperty("availability").Int("quantityAvailable"));
    }

    [Fact]
    public async Task Given_a_cached_product_page_When_an_admin_deletes_it_Then_the_next_read_is_404()
    {
        var product = await fixture.CreateActiveProductAsync();
        await PageAsync(product.Str("slug"));

        (await fixture.Admin().DeleteAsync($"/api/v1/admin/products/{product.Id()}")).EnsureSuccessStatusCode();

        var response = await fixture.CreateClient().GetAsync($"/api/v1/products/{product.Str("slug")}");
        await response.AssertProblemAsync(HttpStatusCode.NotFound, "product_not_found");
    }

    [Fact]
    public async Task Given_a_cached_tree_and_product_When_an_admin_renames_a_category_Then_both_show_the_new_name()
    {
        var admin = fixture.Admin();
        var category = await (await admin.PostAsJsonAsync("/api/v1/admin/categories",
            new { name = "Before", slug = $"cache-{Guid.NewGuid():N}"[..20] })).ReadJsonAsync(HttpStatusCode.Created);
        var product = await fixture.CreateActiveProductAsync(CatalogApi.ProductBody(change: body => body["categoryIds"] = new[] { category.Id() }));
        Assert.Contains(await TreeNamesAsync(), name => name == "Before");
        Assert.Equal("Before", (await PageAsync(product.Str("slug"))).GetProperty("categories")[0].Str("name"));

        var rename = await admin.PutAsJsonAsync($"/api/v1/admin/categories/{category.Id()}",
            new { name = "After", slug = category.Str("slug"), version = category.GetProperty("version").GetUInt32() });
        await rename.ReadJsonAsync(HttpStatusCode.OK);

        Assert.Contains(await TreeNamesAsync(), name => name == "After");
        Assert.Equal("After", (await PageAsync(product.Str("slug"))).GetProperty("categories")[0].Str("name"));
    }

    private async Task<JsonElement> PageAsync(string slug) =>
        await (await fixture.CreateClient().GetAsync($"/api/v1/products/{slug}")).ReadJsonAsync(HttpStatusCode.OK);

    private async Task<JsonElement> ListedAsync(string slug)
    {
        var page = await (await fixture.CreateClient().GetAsync($"/api/v1/products?q={slug}")).ReadJsonAsync(HttpStatusCode.OK);
        return Assert.Single(page.GetProperty("items").EnumerateArray());
    }

    private async Task<List<string>> TreeNamesAsync()
    {
        var tree = await (await fixture.CreateClient().GetAsync("/api/v1/categories")).ReadJsonAsync(HttpStatusCode.OK);
        return tree.EnumerateArray().Select(node => node.Str("name")).ToList();
    }
}
