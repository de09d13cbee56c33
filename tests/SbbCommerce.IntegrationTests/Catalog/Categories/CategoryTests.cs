namespace SbbCommerce.IntegrationTests.Catalog.Categories;

/// <summary>CRUD /admin/categories: a tree of any depth that never gets a cycle.</summary>
public sealed class CategoryTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_root_and_a_child_When_created_Then_201_audited_and_the_public_tree_shows_them_in_order()
    {
        var root = await CreateAsync("Research Tools", sortOrder: 99);
        var child = await CreateAsync("Pipettes", parentId: root.Id());

        Assert.Equal(root.Id(), child.GetProperty("parentId").GetGuid());
        var tree = await (await fixture.CreateClient().GetAsync("/api/v1/categories")).ReadJsonAsync(HttpStatusCode.OK);
        var node = tree.EnumerateArray().Single(n => n.Id() == root.Id());
        Assert.Equal(child.Id(), Assert.Single(node.GetProperty("children").EnumerateArray()).Id());
        Assert.Equal(root.Id(), tree.EnumerateArray().Last().Id());
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'category.created' AND resource_type = 'product_category'",
            ("id", child.Id())));
    }

    [Fact]
    public async Task Given_a_taken_slug_or_a_missing_parent_When_creating_Then_409_slug_taken_or_422_category_not_found()
    {
        var taken = await fixture.Admin().PostAsJsonAsync("/api/v1/admin/categories", new { name = "Again", slug = "peptides" });
        var orphan = await fixture.Admin().PostAsJsonAsync("/api/v1/admin/categories", new { name = "Orphan", slug = Slug(), parentId = Guid.NewGuid() });
        var invalid = await fixture.Admin().PostAsJsonAsync("/api/v1/admin/categories", new { name = "", slug = "Bad Slug" });

        await taken.AssertProblemAsync(HttpStatusCode.Conflict, "slug_taken");
        await orphan.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "category_not_found");
        var problem = await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("slug", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task Given_a_chain_of_categories_When_moving_one_under_itself_or_a_descendant_Then_422_category_cycle()
    {
        var top = await CreateAsync("Top");
        var middle = await CreateAsync("Middle", parentId: top.Id());
        var bottom = await CreateAsync("Bottom", parentId: middle.Id());

        await (await MoveAsync(top, bottom.Id())).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "category_cycle");
        await (await MoveAsync(top, top.Id())).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "category_cycle");
        await (await MoveAsync(middle, bottom.Id())).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "category_cycle");

        var moved = await (await MoveAsync(bottom, top.Id())).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(top.Id(), moved.GetProperty("parentId").GetGuid());
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM product_categories WHERE id = @id AND parent_id IS NULL", ("id", top.Id())));
    }

    [Fact]
    public async Task Given_two_admins_moving_two_categories_under_each_other_at_once_When_both_save_Then_the_tree_has_no_cycle()
    {
        for (var round = 0; round < 5; round++)
        {
            var a = await CreateAsync($"A{round}");
            var b = await CreateAsync($"B{round}");

            var responses = await Task.WhenAll(MoveAsync(a, b.Id()), MoveAsync(b, a.Id()));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            await responses.Single(r => r.StatusCode != HttpStatusCode.OK).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "category_cycle");
            Assert.Equal(1L, await fixture.ScalarAsync<long>(
                "SELECT count(*) FROM product_categories WHERE id IN (@a, @b) AND parent_id IS NULL", ("a", a.Id()), ("b", b.Id())));
        }
    }

    [Fact]
    public async Task Given_a_stale_version_When_updating_a_category_Then_409_concurrency_conflict()
    {
        var category = await CreateAsync("Versioned");
        await (await RenameAsync(category, "First")).ReadJsonAsync(HttpStatusCode.OK);

        var stale = await RenameAsync(category, "Second");

        await stale.AssertProblemAsync(HttpStatusCode.Conflict, "concurrency_conflict");
        Assert.Equal("First", await fixture.ScalarAsync<string>("SELECT name FROM product_categories WHERE id = @id", ("id", category.Id())));
    }

    [Fact]
    public async Task Given_a_category_with_children_When_deleting_it_Then_422_and_a_leaf_is_deleted_with_its_assignments()
    {
        var parent = await CreateAsync("Parent");
        var leaf = await CreateAsync("Leaf", parentId: parent.Id());
        var product = await fixture.CreateProductAsync(CatalogApi.ProductBody(change: b => b["categoryIds"] = new[] { leaf.Id() }));

        await (await fixture.Admin().DeleteAsync($"/api/v1/admin/categories/{parent.Id()}")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "category_has_children");
        var deleted = await fixture.Admin().DeleteAsync($"/api/v1/admin/categories/{leaf.Id()}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM product_category_assignments WHERE product_id = @id", ("id", product.Id())));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'category.deleted'", ("id", leaf.Id())));
        await (await fixture.Admin().GetAsync($"/api/v1/admin/categories/{leaf.Id()}")).AssertProblemAsync(HttpStatusCode.NotFound, "category_not_found");
    }

    [Fact]
    public async Task Given_the_seeded_categories_When_an_admin_lists_them_Then_all_come_flat_with_versions()
    {
        var list = await (await fixture.Admin().GetAsync("/api/v1/admin/categories")).ReadJsonAsync(HttpStatusCode.OK);

        var slugs = list.EnumerateArray().Select(c => c.Str("slug")).ToList();
        Assert.Subset(slugs.ToHashSet(), new HashSet<string> { "peptides", "healing-recovery", "syringes", "kits" });
        Assert.All(list.EnumerateArray(), c => Assert.True(c.GetProperty("version").GetUInt32() > 0));
        await (await fixture.CreateClient().WithBearer(fixture.NewUserToken("customer")).GetAsync("/api/v1/admin/categories"))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private async Task<JsonElement> CreateAsync(string name, Guid? parentId = null, int sortOrder = 0)
    {
        var response = await fixture.Admin().PostAsJsonAsync("/api/v1/admin/categories", new { name, slug = Slug(), parentId, sortOrder });
        return await response.ReadJsonAsync(HttpStatusCode.Created);
    }

    private Task<HttpResponseMessage> MoveAsync(JsonElement category, Guid parentId) =>
        fixture.Admin().PutAsJsonAsync($"/api/v1/admin/categories/{category.Id()}", new
        {
            name = category.Str("name"),
            slug = category.Str("slug"),
            parentId,
            version = category.GetProperty("version").GetUInt32(),
        });

    private Task<HttpResponseMessage> RenameAsync(JsonElement category, string name) =>
        fixture.Admin().PutAsJsonAsync($"/api/v1/admin/categories/{category.Id()}", new
        {
            name,
            slug = category.Str("slug"),
            parentId = category.GetProperty("parentId").ValueKind == JsonValueKind.Null ? (Guid?)null : category.GetProperty("parentId").GetGuid(),
            version = category.GetProperty("version").GetUInt32(),
        });

    private static string Slug() => $"c-{Guid.NewGuid():N}"[..20];
}
