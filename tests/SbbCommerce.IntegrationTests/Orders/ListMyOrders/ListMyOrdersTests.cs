namespace SbbCommerce.IntegrationTests.Orders.ListMyOrders;

public sealed class ListMyOrdersTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_my_order_When_listing_Then_it_comes_first()
    {
        var (buyer, client) = await fixture.BuyerWithCartAsync(await fixture.ProductAsync());
        var number = (await (await client.CheckoutAsync(OrdersApi.Checkout(buyer))).ReadAsync()).GetProperty("order").GetProperty("orderNumber").GetString();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/orders");

        Assert.Equal(number, list.GetProperty("items")[0].GetProperty("orderNumber").GetString());
    }

    [Fact]
    public async Task Given_three_orders_When_listing_two_per_page_Then_the_cursor_leads_to_the_oldest_and_no_further()
    {
        var buyer = await fixture.BuyerAsync();
        var client = fixture.Client(buyer);
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await client.AddAsync(await fixture.ProductAsync());
            numbers.Add((await (await client.CheckoutAsync(OrdersApi.Checkout(buyer))).ReadAsync()).GetProperty("order").GetProperty("orderNumber").GetString()!);
        }

        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/orders?limit=2");
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders?limit=2&cursor={first.GetProperty("nextCursor").GetString()}");

        Assert.Equal([numbers[2], numbers[1]], first.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("orderNumber").GetString()));
        Assert.Equal(numbers[0], second.GetProperty("items").EnumerateArray().Single().GetProperty("orderNumber").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Given_a_cursor_that_does_not_decode_When_listing_Then_400_invalid_cursor()
    {
        var client = fixture.Client(await fixture.BuyerAsync());

        var response = await client.GetAsync("/api/v1/orders?cursor=not-a-cursor");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_cursor");
    }
}
