namespace SbbCommerce.IntegrationTests.Orders;

/// <summary>Each refusal of checkout: its 422 code, and nothing written (no order, no reservation, the cart still active).</summary>
public sealed class CheckoutRefusalTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private async Task AssertRefusedAsync(Buyer buyer, HttpResponseMessage response, string code, Guid product)
    {
        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM orders WHERE user_id = @id", ("id", buyer.UserId)));
        Assert.Equal(0, await fixture.ReservedAsync(product));
    }

    [Fact]
    public async Task Given_an_empty_cart_Then_422_cart_empty()
    {
        var buyer = await fixture.BuyerAsync();

        var response = await fixture.Client(buyer).CheckoutAsync(OrdersApi.Checkout(buyer));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "cart_empty");
    }

    [Fact]
    public async Task Given_an_unverified_email_Then_422_email_not_verified()
    {
        var product = await fixture.ProductAsync();
        var buyer = await fixture.BuyerAsync(emailVerified: false);
        var client = fixture.Client(buyer);
        await client.AddAsync(product);

        await AssertRefusedAsync(buyer, await client.CheckoutAsync(OrdersApi.Checkout(buyer)), "email_not_verified", product);
    }

    [Fact]
    public async Task Given_no_acknowledgement_Then_422_compliance_not_acknowledged()
    {
        var product = await fixture.ProductAsync();
        var (buyer, client) = await fixture.BuyerWithCartAsync(product);

        await AssertRefusedAsync(buyer, await client.CheckoutAsync(OrdersApi.Checkout(buyer, acknowledged: false)), "compliance_not_acknowledged", product);
    }

    [Fact]
    public async Task Given_an_older_compliance_version_Then_422_compliance_version_outdated()
    {
        var product = await fixture.ProductAsync();
        var (buyer, client) = await fixture.BuyerWithCartAsync(product);

        await AssertRefusedAsync(buyer, await client.CheckoutAsync(OrdersApi.Checkout(buyer, version: "2025-01")), "compliance_version_outdated", product);
    }

    [Fact]
    public async Task Given_a_product_requiring_age_and_an_unverified_buyer_Then_422_age_verification_required()
    {
        var product = await fixture.ProductAsync();
        await fixture.ExecuteAsync("UPDATE products SET requires_age_verification = true WHERE id = @id", ("id", product));
        var buyer = await fixture.BuyerAsync(ageVerified: false);
        var client = fixture.Client(buyer);
        await client.AddAsync(product);

        await AssertRefusedAsync(buyer, await client.CheckoutAsync(OrdersApi.Checkout(buyer)), "age_verification_required", product);
    }

    [Fact]
    public async Task Given_a_product_requiring_kyc_and_a_buyer_without_it_Then_422_kyc_required()
    {
        var product = await fixture.ProductAsync();
        await fixture.ExecuteAsync("UPDATE products SET requires_kyc = true WHERE id = @id", ("id", product));
        var buyer = await fixture.BuyerAsync(kyc: "pending");
        var client = fixture.Client(buyer);
        await client.AddAsync(product);

        await AssertRefusedAsync(buyer, await client.CheckoutAsync(OrdersApi.Checkout(buyer)), "kyc_required", product);
    }

    [Theory]
    [InlineData("NY", "US", "restricted_states = '{NY}'")]
    [InlineData("ON", "CA", "restricted_countries = '{CA}'")]
    public async Task Given_a_product_restricted_where_it_would_ship_Then_422_shipping_restricted_naming_it(string state, string country, string restriction)
    {
        var product = await fixture.ProductAsync();
        await fixture.ExecuteAsync($"UPDATE products SET {restriction} WHERE id = @id", ("id", product));
        var buyer = await fixture.BuyerAsync(state: state, country: country);
        var client = fixture.Client(buyer);
        await client.AddAsync(product);

        var response = await client.CheckoutAsync(OrdersApi.Checkout(buyer));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "shipping_restricted");
        Assert.Equal(product, problem.GetProperty("products")[0].GetProperty("id").GetGuid());
        Assert.Equal(0, await fixture.ReservedAsync(product));
    }

    [Fact]
    public async Task Given_an_inactive_payment_method_Then_422_payment_method_unavailable()
    {
        var product = await fixture.ProductAsync();
        var (buyer, client) = await fixture.BuyerWithCartAsync(product);

        await AssertRefusedAsync(buyer, await client.CheckoutAsync(OrdersApi.Checkout(buyer, method: Guid.NewGuid())), "payment_method_unavailable", product);
    }

    [Fact]
    public async Task Given_a_total_above_the_methods_maximum_Then_422_amount_out_of_range()
    {
        var product = await fixture.ProductAsync(priceCents: 150_000);
        var (buyer, client) = await fixture.BuyerWithCartAsync(product);
        var cashApp = Guid.Parse("00000000-0000-4000-8000-000000001002"); // max 1,000.00

        await AssertRefusedAsync(buyer, await client.CheckoutAsync(OrdersApi.Checkout(buyer, method: cashApp)), "amount_out_of_range", product);
    }

    [Fact]
    public async Task Given_a_discount_that_expired_since_it_was_applied_Then_422_discount_invalid()
    {
        var product = await fixture.ProductAsync();
        var (buyer, client) = await fixture.BuyerWithCartAsync(product);
        var code = await fixture.DiscountAsync(value: 10);
        await (await client.PostAsJsonAsync("/api/v1/cart/discount", new { code })).ReadAsync();
        await fixture.ExecuteAsync("UPDATE discounts SET expires_at = now() - interval '1 minute', starts_at = now() - interval '2 days' WHERE code = @code", ("code", code));

        var response = await client.CheckoutAsync(OrdersApi.Checkout(buyer));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "discount_invalid");
        Assert.Equal("expired", problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Given_stock_sold_since_the_cart_was_filled_Then_422_insufficient_stock_and_nothing_reserved()
    {
        var product = await fixture.ProductAsync(onHand: 2);
        var (buyer, client) = await fixture.BuyerWithCartAsync(product, 2);
        await fixture.ExecuteAsync("UPDATE products SET quantity_on_hand = 1 WHERE id = @id", ("id", product));

        await AssertRefusedAsync(buyer, await client.CheckoutAsync(OrdersApi.Checkout(buyer)), "insufficient_stock", product);
        Assert.Equal("active", await fixture.ScalarAsync<string>("SELECT status FROM carts WHERE user_id = @id", ("id", buyer.UserId)));
    }
}
