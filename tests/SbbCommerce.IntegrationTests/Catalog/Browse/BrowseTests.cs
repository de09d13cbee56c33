namespace SbbCommerce.IntegrationTests.Catalog.Browse;

/// <summary>The storefront reads: GET /products, /products/{slug}, /categories, anonymous, on the seeded catalog.</summary>
public sealed class BrowseTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_the_seeded_catalog_When_paging_through_products_Then_every_active_product_comes_once_sorted_by_name()
    {
        var client = fixture.CreateClient();
        var seen = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/products?limit=5{(cursor is null ? "" : $"&cursor={cursor}")}"))
                .ReadJsonAsync(HttpStatusCode.OK);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(items.Count <= 5);
            seen.AddRange(items);
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 50);

        var slugs = seen.Select(item => item.Str("slug")).ToList();
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        var seededIds = Enumerable.Range(1, 21).Select(n => Guid.Parse($"00000000-0000-4000-8000-0000000200{n:D2}")).ToList();
        Assert.Subset(seen.Select(item => item.Id()).ToHashSet(), seededIds.ToHashSet());
        var names = seen.Select(item => item.Str("name")).ToList();
        Assert.Equal(seen.Count, names.Count);
        Assert.True(pages >= 5, $"{pages} pages of 5 for {seen.Count} products");
    }

    [Fact]
    public async Task Given_a_seeded_product_When_opening_its_page_Then_price_availability_compliance_batch_and_categories_are_shown()
    {
        var product = await (await fixture.CreateClient().GetAsync($"/api/v1/products/{SeededData.BpcProductSlug}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(SeededData.BpcProductId, product.Id());
        Assert.Equal("SBB-BPC157-5MG", product.Str("sku"));
        Assert.Equal("peptide", product.Str("productType"));
        Assert.Equal(4999, product.Int("priceCents"));
        Assert.Equal(5999, product.Int("compareAtCents"));
        var availability = product.GetProperty("availability");
        Assert.True(availability.GetProperty("trackInventory").GetBoolean());
        Assert.True(availability.GetProperty("inStock").GetBoolean());
        Assert.Equal(420, availability.Int("quantityAvailable"));
        var compliance = product.GetProperty("compliance");
        Assert.True(compliance.GetProperty("requiresAgeVerification").GetBoolean());
        Assert.False(compliance.GetProperty("requiresKyc").GetBoolean());
        Assert.Equal(["AU", "CA", "GB"], compliance.GetProperty("restrictedCountries").EnumerateArray().Select(c => c.GetString()).Order());
        var batch = product.GetProperty("currentBatch");
        Assert.Equal("BPC-2609-B", batch.Str("batchNumber"));
        Assert.Equal("https://coa.sciencebasedbody.com/BPC-2609-B.pdf", batch.Str("coaUrl"));
        var categories = product.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal("healing-recovery", categories[0].Str("slug"));
        Assert.True(categories[0].GetProperty("isPrimary").GetBoolean());
        Assert.Contains(categories, category => category.Str("slug") == "peptides");
        Assert.False(product.TryGetProperty("costCents", out _));
    }

    [Fact]
    public async Task Given_a_reservation_When_reading_the_product_Then_quantity_available_is_on_hand_minus_reserved()
    {
        var created = await fixture.CreateActiveProductAsync(CatalogApi.ProductBody(quantityOnHand: 10));
        await fixture.ExecuteAsync("UPDATE products SET quantity_reserved = 10 WHERE id = @id", ("id", created.Id()));

        var product = await (await fixture.CreateClient().GetAsync($"/api/v1/products/{created.Str("slug")}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, product.GetProperty("availability").Int("quantityAvailable"));
        Assert.False(product.GetProperty("availability").GetProperty("inStock").GetBoolean());
    }

    [Fact]
    public async Task Given_a_draft_and_a_deleted_product_When_browsing_Then_neither_is_listed_and_both_pages_are_404()
    {
        var draft = await fixture.CreateProductAsync();
        var deleted = await fixture.CreateActiveProductAsync();
        (await fixture.Admin().DeleteAsync($"/api/v1/admin/products/{deleted.Id()}")).EnsureSuccessStatusCode();
        var client = fixture.CreateClient();

        await (await client.GetAsync($"/api/v1/products/{draft.Str("slug")}")).AssertProblemAsync(HttpStatusCode.NotFound, "product_not_found");
        await (await client.GetAsync($"/api/v1/products/{deleted.Str("slug")}")).AssertProblemAsync(HttpStatusCode.NotFound, "product_not_found");
        await (await client.GetAsync("/api/v1/products/no-such-product")).AssertProblemAsync(HttpStatusCode.NotFound, "product_not_found");
        var listed = await ListAsync($"/api/v1/products?q={draft.Str("slug")[2..]}");
        Assert.Empty(listed);
        Assert.Empty(await ListAsync($"/api/v1/products?q={deleted.Str("slug")[2..]}"));
    }

    [Fact]
    public async Task Given_a_parent_category_When_filtering_by_it_Then_products_of_its_sub_categories_at_any_depth_are_included()
    {
        var admin = fixture.Admin();
        var longevity = Guid.Parse("00000000-0000-4000-8000-000000002105");
        var deeper = await (await admin.PostAsJsonAsync("/api/v1/admin/categories",
            new { name = "Telomeres", slug = $"telomeres-{Guid.NewGuid():N}"[..30], parentId = longevity })).ReadJsonAsync(HttpStatusCode.Created);
        var product = await fixture.CreateActiveProductAsync(CatalogApi.ProductBody(change: body =>
        {
            body["categoryIds"] = new[] { deeper.Id() };
            body["primaryCategoryId"] = deeper.Id();
        }));

        var peptides = await ListAsync("/api/v1/products?category=peptides&limit=200");
        var accessories = await ListAsync("/api/v1/products?category=accessories&limit=200");
        var metabolic = await ListAsync("/api/v1/products?category=metabolic&limit=200");

        Assert.Contains(peptides, item => item.Id() == product.Id());
        Assert.DoesNotContain(accessories, item => item.Id() == product.Id());
        Assert.Equal(
            new[] { "mots-c-10mg", "aod-9604-5mg", "retatrutide-10mg", "semaglutide-5mg", "tirzepatide-10mg" }.Order(),
            metabolic.Select(item => item.Str("slug")).Order());
        Assert.Empty(await ListAsync("/api/v1/products?category=no-such-category"));
    }

    [Fact]
    public async Task Given_a_type_filter_When_listing_Then_only_that_type_is_returned()
    {
        var accessories = await ListAsync("/api/v1/products?type=accessory");

        Assert.Equal(2, accessories.Count);
        Assert.All(accessories, item => Assert.Equal("accessory", item.Str("productType")));
        Assert.Single(await ListAsync("/api/v1/products?type=kit"));
    }

    [Fact]
    public async Task Given_a_text_query_When_listing_Then_name_and_sku_match_case_insensitively_and_wildcards_are_literal()
    {
        var byName = await ListAsync("/api/v1/products?q=bPc-157");
        var bySku = await ListAsync("/api/v1/products?q=sbb-tirz");

        Assert.Contains(byName, item => item.Str("slug") == SeededData.BpcProductSlug);
        Assert.Contains(byName, item => item.Str("productType") == "kit");
        Assert.Equal("tirzepatide-10mg", Assert.Single(bySku).Str("slug"));
        Assert.Empty(await ListAsync("/api/v1/products?q=%25"));
        Assert.Empty(await ListAsync("/api/v1/products?q=_"));
    }

    [Fact]
    public async Task Given_an_unknown_type_When_listing_Then_400_validation_failed()
    {
        var response = await fixture.CreateClient().GetAsync("/api/v1/products?type=vitamin");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("type", out _));
    }

    [Fact]
    public async Task Given_a_forged_cursor_When_listing_Then_400_invalid_cursor()
    {
        var response = await fixture.CreateClient().GetAsync("/api/v1/products?cursor=not-a-cursor");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_cursor");
    }

    [Fact]
    public async Task Given_the_seeded_categories_When_reading_the_tree_Then_roots_and_children_come_in_sort_order()
    {
        var tree = await (await fixture.CreateClient().GetAsync("/api/v1/categories")).ReadJsonAsync(HttpStatusCode.OK);

        var roots = tree.EnumerateArray().Take(3).Select(root => root.Str("slug")).ToList();
        Assert.Equal(["peptides", "kits", "accessories"], roots);
        var peptides = tree.EnumerateArray().First();
        Assert.Equal(
            ["healing-recovery", "metabolic", "cognitive", "growth-hormone-secretagogues", "longevity", "immune-support"],
            peptides.GetProperty("children").EnumerateArray().Select(child => child.Str("slug")).ToList());
        var accessories = tree.EnumerateArray().Single(root => root.Str("slug") == "accessories");
        Assert.Equal(2, accessories.GetProperty("children").GetArrayLength());
    }

    private async Task<List<JsonElement>> ListAsync(string url)
    {
        var page = await (await fixture.CreateClient().GetAsync(url)).ReadJsonAsync(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().ToList();
    }
}
