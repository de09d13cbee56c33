namespace SbbCommerce.IntegrationTests.Fulfillment.Shipping;

/// <summary>A host with a configured rate table: ground and priority by weight band, ground free above $100.</summary>
public sealed class ShippingRatesFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Shipping:FreeAboveCents"] = "10000",
        ["Shipping:Rates:ground:Label"] = "Ground",
        ["Shipping:Rates:ground:FreeAboveThreshold"] = "true",
        ["Shipping:Rates:ground:Bands:0:UpToGrams"] = "500",
        ["Shipping:Rates:ground:Bands:0:PriceCents"] = "600",
        ["Shipping:Rates:ground:Bands:1:PriceCents"] = "1200",
        ["Shipping:Rates:priority:Label"] = "Priority",
        ["Shipping:Rates:priority:Bands:0:UpToGrams"] = "500",
        ["Shipping:Rates:priority:Bands:0:PriceCents"] = "1500",
        ["Shipping:Rates:priority:Bands:1:PriceCents"] = "2500",
    };
}

public sealed class ShippingRateTests(ShippingRatesFixture fixture) : IClassFixture<ShippingRatesFixture>
{
    private async Task<Guid> WeighedProductAsync(int priceCents, int grams)
    {
        var product = await fixture.ProductAsync(priceCents: priceCents);
        await fixture.ExecuteAsync("UPDATE products SET weight_grams = @grams WHERE id = @id", ("grams", grams), ("id", product));
        return product;
    }

    [Fact]
    public async Task Given_a_light_cart_When_listing_options_and_checking_out_Then_the_cheapest_is_the_default_and_shipping_is_in_the_total()
    {
        var (buyer, client) = await fixture.BuyerWithCartAsync(await WeighedProductAsync(2_000, 100), 2);

        var options = await client.GetFromJsonAsync<JsonElement>("/api/v1/cart/shipping-options");
        var order = (await (await client.CheckoutAsync(OrdersApi.Checkout(buyer))).ReadAsync()).GetProperty("order");

        Assert.Equal(200, options.GetProperty("weightGrams").GetInt32());
        Assert.Equal([("ground", 600), ("priority", 1500)],
            options.GetProperty("options").EnumerateArray().Select(o => (o.GetProperty("serviceLevel").GetString()!, o.GetProperty("priceCents").GetInt32())).ToList());
        Assert.Equal(600, order.GetProperty("shippingCents").GetInt32());
        Assert.Equal(4_600, order.GetProperty("totalCents").GetInt32());
    }

    [Fact]
    public async Task Given_a_heavy_cart_above_the_threshold_When_choosing_priority_Then_ground_is_free_and_priority_costs_its_heavy_band()
    {
        var (buyer, client) = await fixture.BuyerWithCartAsync(await WeighedProductAsync(6_000, 400), 2);

        var options = await client.GetFromJsonAsync<JsonElement>("/api/v1/cart/shipping-options");
        var request = new Dictionary<string, object?>(JsonSerializer.SerializeToElement(OrdersApi.Checkout(buyer)).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object?)p.Value)) { ["shippingServiceLevel"] = "priority" };
        var order = (await (await client.CheckoutAsync(request)).ReadAsync()).GetProperty("order");

        Assert.Equal(0, options.GetProperty("options")[0].GetProperty("priceCents").GetInt32());
        Assert.Equal(2_500, order.GetProperty("shippingCents").GetInt32());
        Assert.Equal(14_500, order.GetProperty("totalCents").GetInt32());
    }

    [Fact]
    public async Task Given_an_unknown_service_level_When_checking_out_Then_400_and_no_order()
    {
        var (buyer, client) = await fixture.BuyerWithCartAsync(await WeighedProductAsync(2_000, 100));
        var request = new Dictionary<string, object?>(JsonSerializer.SerializeToElement(OrdersApi.Checkout(buyer)).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object?)p.Value)) { ["shippingServiceLevel"] = "teleport" };

        await (await client.CheckoutAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM orders WHERE user_id = @id", ("id", buyer.UserId)));
    }
}
