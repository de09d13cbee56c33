using SbbCommerce.Api.Modules.Catalog.Contracts;

namespace SbbCommerce.IntegrationTests.Catalog.Products;

/// <summary>
/// The admins' <c>version</c> of a product is its edit version: admin writes move it, customers' stock changes do
/// not, so an admin can save a hot product however many checkouts reserve it meanwhile.
/// </summary>
public sealed class EditVersionTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_reservations_after_the_admin_read_When_saving_with_the_version_read_Then_200_and_the_stale_version_is_then_409()
    {
        var body = CatalogApi.ProductBody(priceCents: 2500, quantityOnHand: 100);
        var product = await fixture.CreateActiveProductAsync(body);
        var version = Version(product);
        await using (var scope = fixture.CreateScope())
        {
            var inventory = scope.ServiceProvider.GetRequiredService<IInventoryService>();
            Assert.True((await inventory.ReserveAsync([new StockLine(product.Id(), 5)], CancellationToken.None)).Succeeded);
            Assert.True((await inventory.ReleaseAsync([new StockLine(product.Id(), 1)], CancellationToken.None)).Succeeded);
            Assert.True((await inventory.CommitAsync([new StockLine(product.Id(), 2)], CancellationToken.None)).Succeeded);
        }

        var reread = await AdminGetAsync(product.Id());
        var saved = await fixture.Admin().PutAsJsonAsync($"/api/v1/admin/products/{product.Id()}",
            new Dictionary<string, object?>(body) { ["priceCents"] = 2300, ["version"] = version });
        var stale = await fixture.Admin().PutAsJsonAsync($"/api/v1/admin/products/{product.Id()}",
            new Dictionary<string, object?>(body) { ["priceCents"] = 2700, ["version"] = version });

        Assert.Equal(version, Version(reread));
        var updated = await saved.ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(version + 1, Version(updated));
        await stale.AssertProblemAsync(HttpStatusCode.Conflict, "concurrency_conflict");
        Assert.Equal(2300, await fixture.ScalarAsync<int>("SELECT price_cents FROM products WHERE id = @id", ("id", product.Id())));
        // The save wrote its own fields only: the stock moved by the reservations is intact.
        Assert.Equal((98, 2), await StockAsync(product.Id()));
    }

    [Fact]
    public async Task Given_checkouts_reserving_a_hot_product_When_an_admin_saves_it_meanwhile_Then_the_save_and_every_reservation_succeed()
    {
        var body = CatalogApi.ProductBody(priceCents: 2500, quantityOnHand: 1000);
        var product = await fixture.CreateActiveProductAsync(body);
        var version = Version(product);

        var reservations = Enumerable.Range(0, 40).Select(_ => Task.Run(async () =>
        {
            await using var scope = fixture.CreateScope();
            var inventory = scope.ServiceProvider.GetRequiredService<IInventoryService>();
            return await inventory.ReserveAsync([new StockLine(product.Id(), 1)], CancellationToken.None);
        })).ToList();
        var save = fixture.Admin().PutAsJsonAsync($"/api/v1/admin/products/{product.Id()}",
            new Dictionary<string, object?>(body) { ["priceCents"] = 1999, ["version"] = version });
        await Task.WhenAll(reservations);

        var updated = await (await save).ReadJsonAsync(HttpStatusCode.OK);
        Assert.All(reservations, reservation => Assert.True(reservation.Result.Succeeded));
        Assert.Equal(1999, updated.Int("priceCents"));
        Assert.Equal((1000, 40), await StockAsync(product.Id()));
        Assert.Equal(version + 1, await fixture.ScalarAsync<int>("SELECT edit_version FROM products WHERE id = @id", ("id", product.Id())));
    }

    [Fact]
    public async Task Given_an_admin_write_other_than_an_update_When_saving_with_the_version_read_before_it_Then_409()
    {
        var body = CatalogApi.ProductBody(quantityOnHand: 10);
        var draft = await fixture.CreateProductAsync(body);
        var created = Version(draft);

        var published = await (await fixture.Admin().PostAsync($"/api/v1/admin/products/{draft.Id()}/publish", null)).ReadJsonAsync(HttpStatusCode.OK);
        await (await fixture.Admin().PostAsJsonAsync($"/api/v1/admin/products/{draft.Id()}/inventory-adjustments",
            new { delta = 5, reason = "Delivery counted" })).ReadJsonAsync(HttpStatusCode.OK);
        var adjusted = await AdminGetAsync(draft.Id());
        var stale = await fixture.Admin().PutAsJsonAsync($"/api/v1/admin/products/{draft.Id()}",
            new Dictionary<string, object?>(body) { ["version"] = Version(published) });
        var current = await fixture.Admin().PutAsJsonAsync($"/api/v1/admin/products/{draft.Id()}",
            new Dictionary<string, object?>(body) { ["version"] = Version(adjusted) });
        var deleted = await fixture.Admin().DeleteAsync($"/api/v1/admin/products/{draft.Id()}");

        Assert.Equal(1, created);
        Assert.Equal(created + 1, Version(published));
        Assert.Equal(created + 2, Version(adjusted));
        await stale.AssertProblemAsync(HttpStatusCode.Conflict, "concurrency_conflict");
        Assert.Equal(created + 3, Version(await current.ReadJsonAsync(HttpStatusCode.OK)));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(created + 4, Version(await AdminGetAsync(draft.Id())));
    }

    [Fact]
    public async Task Given_a_publish_of_an_active_product_When_it_changes_nothing_Then_the_version_stays()
    {
        var product = await fixture.CreateActiveProductAsync();

        var again = await (await fixture.Admin().PostAsync($"/api/v1/admin/products/{product.Id()}/publish", null)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal(Version(product), Version(again));
    }

    private static int Version(JsonElement product) => product.GetProperty("version").GetInt32();

    private async Task<JsonElement> AdminGetAsync(Guid id) =>
        await (await fixture.Admin().GetAsync($"/api/v1/admin/products/{id}")).ReadJsonAsync(HttpStatusCode.OK);

    private async Task<(int OnHand, int Reserved)> StockAsync(Guid id) => (
        await fixture.ScalarAsync<int>("SELECT quantity_on_hand FROM products WHERE id = @id", ("id", id)),
        await fixture.ScalarAsync<int>("SELECT quantity_reserved FROM products WHERE id = @id", ("id", id)));
}
