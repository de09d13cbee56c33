namespace SbbCommerce.IntegrationTests.Orders.GetMyOrder;

public sealed class GetMyOrderTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_my_order_When_reading_it_Then_its_payment_and_first_history_step_are_there()
    {
        var (buyer, client) = await fixture.BuyerWithCartAsync(await fixture.ProductAsync());
        var number = (await (await client.CheckoutAsync(OrdersApi.Checkout(buyer))).ReadAsync()).GetProperty("order").GetProperty("orderNumber").GetString();

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{number}");

        Assert.Equal(1, detail.GetProperty("payments").GetArrayLength());
        Assert.Equal(1, detail.GetProperty("statusHistory").GetArrayLength());
    }

    [Fact]
    public async Task Given_another_users_order_When_reading_it_Then_404_order_not_found()
    {
        var (buyer, client) = await fixture.BuyerWithCartAsync(await fixture.ProductAsync());
        var number = (await (await client.CheckoutAsync(OrdersApi.Checkout(buyer))).ReadAsync()).GetProperty("order").GetProperty("orderNumber").GetString();
        var stranger = fixture.Client(await fixture.BuyerAsync());

        var foreign = await stranger.GetAsync($"/api/v1/orders/{number}");

        await foreign.AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
    }
}
