namespace SbbCommerce.IntegrationTests.Orders.SearchOrders;

public sealed class SearchOrdersTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_an_order_When_an_admin_searches_by_its_number_Then_it_alone_is_found()
    {
        var placed = (await fixture.PlaceOrderAsync(await fixture.ProductAsync())).GetProperty("order");

        var byNumber = await fixture.Admin().GetFromJsonAsync<JsonElement>($"/api/v1/admin/orders?q={placed.GetProperty("orderNumber").GetString()}");

        Assert.Equal(placed.GetProperty("id").GetGuid(), byNumber.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Given_a_pending_order_When_an_admin_searches_by_status_Then_it_is_among_them()
    {
        var id = (await fixture.PlaceOrderAsync(await fixture.ProductAsync())).GetProperty("order").GetProperty("id").GetGuid();

        var byStatus = await fixture.Admin().GetFromJsonAsync<JsonElement>("/api/v1/admin/orders?status=pending_payment&limit=200");

        Assert.Contains(byStatus.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Given_an_unknown_status_When_an_admin_searches_Then_400_validation_failed()
    {
        var response = await fixture.Admin().GetAsync("/api/v1/admin/orders?status=lost");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
