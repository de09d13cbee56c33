namespace SbbCommerce.IntegrationTests.Catalog.Products;

/// <summary>POST, PUT, DELETE /admin/products and publish: validation, uniqueness, audit and the ERP outbox.</summary>
public sealed class AdminProductTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_valid_product_When_an_admin_creates_it_Then_201_draft_audited_and_item_upsert_queued()
    {
        var body = CatalogApi.ProductBody(priceCents: 3100, change: b =>
        {
            b["compareAtCents"] = 3500;
            b["costCents"] = 800;
            b["restrictedStates"] = new[] { "ny", "CA" };
            b["restrictedCountries"] = new[] { "UK", "nz" };
            b["categoryIds"] = new[] { Guid.Parse("00000000-0000-4000-8000-000000002101"), Guid.Parse("00000000-0000-4000-8000-000000002100") };
            b["primaryCategoryId"] = Guid.Parse("00000000-0000-4000-8000-000000002101");
        });

        var response = await fixture.Admin().PostAsJsonAsync("/api/v1/admin/products", body);

        var product = await response.ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/admin/products/{product.Id()}", response.Headers.Location?.ToString());
        Assert.Equal("draft", product.Str("status"));
        Assert.Equal(3100, product.Int("priceCents"));
        Assert.Equal(100, product.Int("quantityOnHand"));
        Assert.Equal(["CA", "NY"], Strings(product, "restrictedStates"));
        Assert.Equal(["GB", "NZ"], Strings(product, "restrictedCountries"));
        Assert.Equal(Guid.Parse("00000000-0000-4000-8000-000000002101"), product.GetProperty("primaryCategoryId").GetGuid());
        Assert.Equal(2, product.GetProperty("categoryIds").GetArrayLength());
        Assert.True(product.GetProperty("version").GetUInt32() > 0);
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'product.created' AND user_id = @admin AND new_values->>'sku' = @sku",
            ("id", product.Id()), ("admin", SeededData.AdminId), ("sku", (string)body["sku"]!)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND destination = 'epicor_propello' AND event_type = 'item.upsert' AND payload->>'sku' = @sku",
            ("id", product.Id()), ("sku", (string)body["sku"]!)));
    }

    [Fact]
    public async Task Given_no_restricted_countries_When_creating_Then_the_default_list_uses_gb_for_the_united_kingdom()
    {
        var product = await fixture.CreateProductAsync();

        Assert.Equal(["AU", "CA", "GB"], Strings(product, "restrictedCountries"));
    }

    [Fact]
    public async Task Given_a_taken_sku_or_slug_When_creating_Then_409_sku_taken_or_slug_taken()
    {
        var takenSku = CatalogApi.ProductBody(change: b => b["sku"] = "SBB-BPC157-5MG");
        var takenSlug = CatalogApi.ProductBody(change: b => b["slug"] = SeededData.BpcProductSlug);

        await (await fixture.Admin().PostAsJsonAsync("/api/v1/admin/products", takenSku)).AssertProblemAsync(HttpStatusCode.Conflict, "sku_taken");
        await (await fixture.Admin().PostAsJsonAsync("/api/v1/admin/products", takenSlug)).AssertProblemAsync(HttpStatusCode.Conflict, "slug_taken");
    }

    [Fact]
    public async Task Given_two_concurrent_creations_with_one_sku_When_both_save_Then_one_201_and_one_409_sku_taken()
    {
        var first = CatalogApi.ProductBody();
        var second = CatalogApi.ProductBody(change: b => b["sku"] = first["sku"]);

        var responses = await Task.WhenAll(
            fixture.Admin().PostAsJsonAsync("/api/v1/admin/products", first),
            fixture.Admin().PostAsJsonAsync("/api/v1/admin/products", second));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        await responses.Single(r => r.StatusCode != HttpStatusCode.Created).AssertProblemAsync(HttpStatusCode.Conflict, "sku_taken");
    }

    [Theory]
    [InlineData("priceCents", 0)]
    [InlineData("compareAtCents", 100)]
    [InlineData("costCents", -1)]
    [InlineData("sku", "lower-case")]
    [InlineData("slug", "Not A Slug")]
    [InlineData("restrictedStates", "ZZ")]
    [InlineData("restrictedCountries", "XX")]
    public async Task Given_an_invalid_field_When_creating_Then_400_validation_failed_naming_it(string field, object value)
    {
        var body = CatalogApi.ProductBody(priceCents: 2500, change: b =>
            b[field] = field.StartsWith("restricted", StringComparison.Ordinal) ? new[] { value } : value);

        var response = await fixture.Admin().PostAsJsonAsync("/api/v1/admin/products", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), error => error.Name.StartsWith(field, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_an_unknown_category_When_creating_Then_422_category_not_found()
    {
        var body = CatalogApi.ProductBody(change: b => b["categoryIds"] = new[] { Guid.NewGuid() });

        var response = await fixture.Admin().PostAsJsonAsync("/api/v1/admin/products", body);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "category_not_found");
    }

    [Fact]
    public async Task Given_a_customer_or_no_token_When_calling_admin_product_routes_Then_403_or_401()
    {
        var customer = fixture.CreateClient().WithBearer(fixture.NewUserToken("customer"));

        await (await customer.PostAsJsonAsync("/api/v1/admin/products", CatalogApi.ProductBody())).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await customer.GetAsync("/api/v1/admin/products/low-stock")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await fixture.CreateClient().GetAsync("/api/v1/admin/products")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Given_a_product_When_an_admin_updates_it_Then_fields_and_version_change_with_audit_and_outbox()
    {
        var body = CatalogApi.ProductBody(priceCents: 2500);
        var product = await fixture.CreateProductAsync(body);
        body["priceCents"] = 2200;
        body["name"] = "Renamed peptide";
        body["version"] = product.GetProperty("version").GetUInt32();

        var updated = await (await fixture.Admin().PutAsJsonAsync($"/api/v1/admin/products/{product.Id()}", body)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(2200, updated.Int("priceCents"));
        Assert.Equal("Renamed peptide", updated.Str("name"));
        Assert.Equal(100, updated.Int("quantityOnHand"));
        Assert.NotEqual(product.GetProperty("version").GetUInt32(), updated.GetProperty("version").GetUInt32());
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'product.updated' AND old_values->>'priceCents' = '2500' AND new_values->>'priceCents' = '2200'",
            ("id", product.Id())));
        Assert.Equal(2L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND event_type = 'item.upsert'", ("id", product.Id())));
        Assert.Equal("Renamed peptide", await fixture.ScalarAsync<string>(
            "SELECT payload->>'name' FROM webhooks_outbox WHERE entity_id = @id ORDER BY created_at DESC, id DESC LIMIT 1", ("id", product.Id())));
    }

    [Fact]
    public async Task Given_two_admins_with_the_same_version_When_both_update_one_after_the_other_Then_the_stale_write_is_409()
    {
        var body = CatalogApi.ProductBody(priceCents: 2500);
        var product = await fixture.CreateProductAsync(body);
        var version = product.GetProperty("version").GetUInt32();
        var first = new Dictionary<string, object?>(body) { ["priceCents"] = 2100, ["version"] = version };
        var second = new Dictionary<string, object?>(body) { ["priceCents"] = 2900, ["version"] = version };

        var winner = await fixture.Admin().PutAsJsonAsync($"/api/v1/admin/products/{product.Id()}", first);
        var loser = await fixture.Admin().PutAsJsonAsync($"/api/v1/admin/products/{product.Id()}", second);

        await winner.ReadJsonAsync(HttpStatusCode.OK);
        await loser.AssertProblemAsync(HttpStatusCode.Conflict, "concurrency_conflict");
        Assert.Equal(2100, await fixture.ScalarAsync<int>("SELECT price_cents FROM products WHERE id = @id", ("id", product.Id())));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'product.updated'", ("id", product.Id())));
    }

    [Fact]
    public async Task Given_two_admins_with_the_same_version_When_both_update_at_once_Then_exactly_one_wins_and_the_other_gets_409()
    {
        for (var round = 0; round < 5; round++)
        {
            var body = CatalogApi.ProductBody(priceCents: 2500);
            var product = await fixture.CreateProductAsync(body);
            var version = product.GetProperty("version").GetUInt32();

            var responses = await Task.WhenAll(new[] { 2100, 2900 }.Select(price =>
                fixture.Admin().PutAsJsonAsync($"/api/v1/admin/products/{product.Id()}",
                    new Dictionary<string, object?>(body) { ["priceCents"] = price, ["version"] = version })));

            var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            await responses.Single(r => r != winner).AssertProblemAsync(HttpStatusCode.Conflict, "concurrency_conflict");
            var saved = (await winner.ReadJsonAsync(HttpStatusCode.OK)).Int("priceCents");
            Assert.Equal(saved, await fixture.ScalarAsync<int>("SELECT price_cents FROM products WHERE id = @id", ("id", product.Id())));
        }
    }

    [Fact]
    public async Task Given_no_version_When_updating_Then_400_validation_failed()
    {
        var body = CatalogApi.ProductBody();
        var product = await fixture.CreateProductAsync(body);

        var response = await fixture.Admin().PutAsJsonAsync($"/api/v1/admin/products/{product.Id()}", body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task Given_a_primary_category_When_switching_it_to_another_Then_the_product_keeps_exactly_one_primary()
    {
        var healing = Guid.Parse("00000000-0000-4000-8000-000000002101");
        var peptides = Guid.Parse("00000000-0000-4000-8000-000000002100");
        var body = CatalogApi.ProductBody(change: b =>
        {
            b["categoryIds"] = new[] { healing, peptides };
            b["primaryCategoryId"] = healing;
        });
        var product = await fixture.CreateProductAsync(body);
        body["primaryCategoryId"] = peptides;
        body["version"] = product.GetProperty("version").GetUInt32();

        var updated = await (await fixture.Admin().PutAsJsonAsync($"/api/v1/admin/products/{product.Id()}", body)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(peptides, updated.GetProperty("primaryCategoryId").GetGuid());
        Assert.Equal(peptides, await fixture.ScalarAsync<Guid>(
            "SELECT category_id FROM product_category_assignments WHERE product_id = @id AND is_primary", ("id", product.Id())));
        Assert.Equal(2L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM product_category_assignments WHERE product_id = @id", ("id", product.Id())));
    }

    [Fact]
    public async Task Given_a_draft_When_publishing_twice_Then_it_is_active_once_with_its_first_publication_time()
    {
        var product = await fixture.CreateProductAsync();

        var published = await (await fixture.Admin().PostAsync($"/api/v1/admin/products/{product.Id()}/publish", null)).ReadJsonAsync(HttpStatusCode.OK);
        var again = await (await fixture.Admin().PostAsync($"/api/v1/admin/products/{product.Id()}/publish", null)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("active", published.Str("status"));
        Assert.Equal(fixture.Factory.Time.GetUtcNow().ToUnixTimeSeconds(), published.GetProperty("publishedAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(published.Str("publishedAt"), again.Str("publishedAt"));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'product.published'", ("id", product.Id())));
        await (await fixture.CreateClient().GetAsync($"/api/v1/products/{product.Str("slug")}")).ReadJsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_a_product_When_deleting_it_Then_204_soft_deleted_audited_and_a_second_delete_or_update_is_404()
    {
        var body = CatalogApi.ProductBody();
        var product = await fixture.CreateActiveProductAsync(body);

        var deleted = await fixture.Admin().DeleteAsync($"/api/v1/admin/products/{product.Id()}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var admin = await (await fixture.Admin().GetAsync($"/api/v1/admin/products/{product.Id()}")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, admin.GetProperty("deletedAt").ValueKind);
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'product.deleted'", ("id", product.Id())));
        Assert.Equal("true", await fixture.ScalarAsync<string>(
            "SELECT payload->>'deleted' FROM webhooks_outbox WHERE entity_id = @id ORDER BY created_at DESC, id DESC LIMIT 1", ("id", product.Id())));
        await (await fixture.Admin().DeleteAsync($"/api/v1/admin/products/{product.Id()}")).AssertProblemAsync(HttpStatusCode.NotFound, "product_not_found");
        body["version"] = admin.GetProperty("version").GetUInt32();
        await (await fixture.Admin().PutAsJsonAsync($"/api/v1/admin/products/{product.Id()}", body)).AssertProblemAsync(HttpStatusCode.NotFound, "product_not_found");
        await (await fixture.Admin().PostAsync($"/api/v1/admin/products/{product.Id()}/publish", null)).AssertProblemAsync(HttpStatusCode.NotFound, "product_not_found");
    }

    [Fact]
    public async Task Given_a_hand_made_cursor_with_a_time_offset_When_listing_as_admin_Then_the_page_after_that_instant_not_500()
    {
        // PostgreSQL takes timestamptz parameters in UTC only; the cursor's +02:00 is read as the same instant in UTC.
        var cursor = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(
            $$"""{"createdAt":"2099-01-01T02:00:00+02:00","id":"{{Guid.Empty}}"}"""));

        var page = await (await fixture.Admin().GetAsync($"/api/v1/admin/products?limit=2&cursor={cursor}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Given_products_When_listing_as_admin_Then_drafts_are_included_and_filters_apply()
    {
        var draft = await fixture.CreateProductAsync();

        var drafts = await (await fixture.Admin().GetAsync("/api/v1/admin/products?status=draft&limit=200")).ReadJsonAsync(HttpStatusCode.OK);
        var byText = await (await fixture.Admin().GetAsync($"/api/v1/admin/products?q={draft.Str("sku")}")).ReadJsonAsync(HttpStatusCode.OK);
        var firstPage = await (await fixture.Admin().GetAsync("/api/v1/admin/products?limit=2")).ReadJsonAsync(HttpStatusCode.OK);
        var secondPage = await (await fixture.Admin().GetAsync($"/api/v1/admin/products?limit=2&cursor={firstPage.Str("nextCursor")}")).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Contains(drafts.GetProperty("items").EnumerateArray(), item => item.Id() == draft.Id());
        Assert.All(drafts.GetProperty("items").EnumerateArray(), item => Assert.Equal("draft", item.Str("status")));
        Assert.Equal(draft.Id(), Assert.Single(byText.GetProperty("items").EnumerateArray()).Id());
        Assert.Empty(firstPage.GetProperty("items").EnumerateArray().Select(item => item.Id())
            .Intersect(secondPage.GetProperty("items").EnumerateArray().Select(item => item.Id())));
        await (await fixture.Admin().GetAsync("/api/v1/admin/products/not-a-guid")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await fixture.Admin().GetAsync($"/api/v1/admin/products/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound, "product_not_found");
    }

    private static List<string?> Strings(JsonElement element, string property) =>
        element.GetProperty(property).EnumerateArray().Select(item => item.GetString()).ToList();
}
