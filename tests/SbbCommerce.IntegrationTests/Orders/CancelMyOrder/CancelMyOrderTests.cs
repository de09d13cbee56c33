namespace SbbCommerce.IntegrationTests.Orders.CancelMyOrder;

public sealed class CancelMyOrderTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_pending_order_When_the_customer_cancels_Then_stock_is_released_and_payments_cancelled()
    {
        var product = await fixture.ProductAsync(onHand: 5);
        var (buyer, client) = await fixture.BuyerWithCartAsync(product, 2);
        var number = (await (await client.CheckoutAsync(OrdersApi.Checkout(buyer))).ReadAsync()).GetProperty("order").GetProperty("orderNumber").GetString();
        Assert.Equal(2, await fixture.ReservedAsync(product));

        var cancelled = await (await client.PostAsync($"/api/v1/orders/{number}/cancel", null)).ReadAsync();

        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(0, await fixture.ReservedAsync(product));
        Assert.Equal("cancelled", cancelled.GetProperty("payments")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Given_a_cancelled_order_When_the_customer_cancels_again_Then_422_invalid_transition()
    {
        var (buyer, client) = await fixture.BuyerWithCartAsync(await fixture.ProductAsync());
        var number = (await (await client.CheckoutAsync(OrdersApi.Checkout(buyer))).ReadAsync()).GetProperty("order").GetProperty("orderNumber").GetString();
        await client.PostAsync($"/api/v1/orders/{number}/cancel", null);

        var again = await client.PostAsync($"/api/v1/orders/{number}/cancel", null);

        await again.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
    }
}
