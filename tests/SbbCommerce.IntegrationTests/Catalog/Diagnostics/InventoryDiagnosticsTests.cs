using Microsoft.AspNetCore.Hosting;

namespace SbbCommerce.IntegrationTests.Catalog.Diagnostics;

/// <summary>The test-only inventory route (the reserve-hot bench scenario): mapped in Testing, absent in Staging.</summary>
public sealed class InventoryDiagnosticsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_stock_When_reserving_through_the_diagnostics_route_Then_200_until_sold_out_then_422_insufficient_stock()
    {
        var product = await fixture.CreateProductAsync(CatalogApi.ProductBody(quantityOnHand: 2));
        var client = fixture.CreateClient();
        var body = new { lines = new[] { new { productId = product.Id(), quantity = 1 } } };

        var first = await client.PostAsJsonAsync("/api/v1/_diagnostics/inventory/reserve", body);
        var second = await client.PostAsJsonAsync("/api/v1/_diagnostics/inventory/reserve", body);
        var third = await client.PostAsJsonAsync("/api/v1/_diagnostics/inventory/reserve", body);

        Assert.True((await first.ReadJsonAsync(HttpStatusCode.OK)).GetProperty("applied").GetBoolean());
        await second.ReadJsonAsync(HttpStatusCode.OK);
        var problem = await third.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "insufficient_stock");
        var shortage = Assert.Single(problem.GetProperty("shortages").EnumerateArray());
        Assert.Equal(product.Id(), shortage.GetProperty("productId").GetGuid());
        Assert.Equal(0, shortage.Int("available"));
        await (await client.PostAsJsonAsync("/api/v1/_diagnostics/inventory/release", body)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, await fixture.ScalarAsync<int>("SELECT quantity_reserved FROM products WHERE id = @id", ("id", product.Id())));
    }

    [Fact]
    public async Task Given_an_invalid_body_When_reserving_Then_400_validation_failed()
    {
        var response = await fixture.CreateClient().PostAsJsonAsync("/api/v1/_diagnostics/inventory/reserve",
            new { lines = new[] { new { productId = SeededData.BpcProductId, quantity = 0 } } });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_the_staging_environment_When_calling_the_diagnostics_route_Then_it_does_not_exist()
    {
        await using var staging = fixture.Factory.WithWebHostBuilder(builder => builder.UseEnvironment("Staging"));

        var response = await staging.CreateClient().PostAsJsonAsync("/api/v1/_diagnostics/inventory/reserve",
            new { lines = new[] { new { productId = SeededData.BpcProductId, quantity = 1 } } });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, await fixture.ScalarAsync<int>("SELECT quantity_reserved FROM products WHERE id = @id", ("id", SeededData.BpcProductId)));
    }
}
