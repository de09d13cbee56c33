namespace SbbCommerce.IntegrationTests.Orders;

/// <summary>The flash sale in miniature: many buyers, few units, everyone presses the button at once.</summary>
public sealed class CheckoutRaceTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_200_buyers_and_20_units_When_all_check_out_at_once_Then_exactly_20_orders_and_every_loser_gets_422()
    {
        const int Buyers = 200;
        const int Units = 20;
        var product = await fixture.ProductAsync(onHand: Units);
        var ready = new List<(Buyer Buyer, HttpClient Client)>();
        foreach (var buyer in await fixture.BuyersAsync(Buyers))
        {
            ready.Add(await fixture.WithCartAsync(buyer, product));
        }

        using var start = new SemaphoreSlim(0);
        var attempts = ready.Select(async pair =>
        {
            await start.WaitAsync();
            return await pair.Client.CheckoutAsync(OrdersApi.Checkout(pair.Buyer));
        }).ToList();
        start.Release(Buyers);
        var answers = await Task.WhenAll(attempts);

        Assert.Equal(Units, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var loser in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await loser.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "insufficient_stock");
        }

        Assert.Equal((long)Units, await fixture.ScalarAsync<long>("SELECT count(*) FROM order_items WHERE product_id = @id", ("id", product)));
        Assert.Equal(Units, await fixture.ReservedAsync(product));
    }

    [Fact]
    public async Task Given_a_code_usable_3_times_When_10_buyers_race_with_it_Then_3_orders_carry_it_and_7_are_refused()
    {
        var product = await fixture.ProductAsync();
        var code = await fixture.DiscountAsync(value: 10, usageLimit: 3);
        var ready = new List<(Buyer Buyer, HttpClient Client)>();
        foreach (var buyer in await fixture.BuyersAsync(10))
        {
            var pair = await fixture.WithCartAsync(buyer, product);
            await (await pair.Client.PostAsJsonAsync("/api/v1/cart/discount", new { code })).ReadAsync();
            ready.Add(pair);
        }

        var answers = await Task.WhenAll(ready.Select(pair => pair.Client.CheckoutAsync(OrdersApi.Checkout(pair.Buyer))));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, answers.Count(a => a.StatusCode == HttpStatusCode.UnprocessableEntity));
        Assert.Equal(3, await fixture.ScalarAsync<int>("SELECT usage_count FROM discounts WHERE code = @code", ("code", code)));
        Assert.Equal(3L, await fixture.ScalarAsync<long>("SELECT count(*) FROM orders WHERE discount_code = @code", ("code", code)));
    }
}
