namespace SbbCommerce.IntegrationTests.Cart.ShippingAddress;

public sealed class TaxedFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Tax:RatesBasisPoints:TX"] = "825" };
}

public sealed class CartTaxAndAddressTests(TaxedFixture fixture) : IClassFixture<TaxedFixture>
{
    [Fact]
    public async Task Given_a_texas_shipping_address_and_a_configured_rate_When_pricing_Then_tax_is_added_in_cents()
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();
        var customer = fixture.Authorized(session);
        var address = await (await customer.PostAsJsonAsync("/api/v1/me/addresses", new
        {
            addressType = "shipping", recipientName = "Ada", streetLine1 = "1 Main", city = "Austin", stateProvince = "TX", postalCode = "73301",
        })).ReadAsync();
        await customer.AddAsync(await fixture.ProductAsync(priceCents: 10_000));

        var cart = await (await customer.PutAsJsonAsync("/api/v1/cart/shipping-address", new { addressId = address.GetProperty("id").GetGuid() })).ReadAsync();

        Assert.Equal(825, cart.GetProperty("taxCents").GetInt32());
        Assert.Equal(10_825, cart.GetProperty("totalCents").GetInt32());
    }

    [Fact]
    public async Task Given_no_shipping_address_When_pricing_Then_tax_is_zero()
    {
        var cart = await (await fixture.Visitor().AddAsync(await fixture.ProductAsync(priceCents: 10_000))).ReadAsync();

        Assert.Equal(0, cart.GetProperty("taxCents").GetInt32());
    }

    [Fact]
    public async Task Given_another_users_address_When_choosing_it_Then_404()
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();
        var seededCustomersAddress = await fixture.ScalarAsync<Guid>("SELECT id FROM user_addresses WHERE user_id = @id LIMIT 1", ("id", SeededData.CustomerId));

        var response = await fixture.Authorized(session).PutAsJsonAsync("/api/v1/cart/shipping-address", new { addressId = seededCustomersAddress });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "address_not_found");
    }

    [Fact]
    public async Task Given_an_anonymous_visitor_When_choosing_a_shipping_address_Then_401()
    {
        var response = await fixture.Visitor().PutAsJsonAsync("/api/v1/cart/shipping-address", new { addressId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
