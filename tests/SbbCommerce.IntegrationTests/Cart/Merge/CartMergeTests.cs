namespace SbbCommerce.IntegrationTests.Cart.Merge;

public sealed class CartMergeTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private async Task<Session> LoginAsVisitorAsync(string email, string anonymousId) =>
        await fixture.Visitor(anonymousId).SignInAsync(email);

    [Fact]
    public async Task Given_an_anonymous_cart_and_no_user_cart_When_logging_in_Then_the_cart_becomes_the_users()
    {
        var client = fixture.CreateClient();
        var email = IdentityApi.NewEmail();
        await client.RegisterAsync(email);
        var anonymousId = $"merge-{Guid.NewGuid():N}";
        var product = await fixture.ProductAsync();
        var cartId = (await (await fixture.Visitor(anonymousId).AddAsync(product, 2)).ReadAsync()).GetProperty("id").GetGuid();

        var session = await LoginAsVisitorAsync(email, anonymousId);

        var cart = await fixture.Authorized(session).CartAsync();
        Assert.Equal(cartId, cart.GetProperty("id").GetGuid());
        Assert.Equal(2, cart.GetProperty("items")[0].GetProperty("quantity").GetInt32());
        Assert.Equal(0, (await fixture.Visitor(anonymousId).CartAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Given_both_carts_When_logging_in_twice_Then_lines_are_summed_capped_at_stock_and_the_second_login_changes_nothing()
    {
        var client = fixture.CreateClient();
        var (email, first) = await client.NewCustomerAsync();
        var shared = await fixture.ProductAsync(onHand: 5);
        var onlyAnonymous = await fixture.ProductAsync();
        await fixture.Authorized(first).AddAsync(shared, 3);
        var anonymousId = $"merge-{Guid.NewGuid():N}";
        var visitor = fixture.Visitor(anonymousId);
        await visitor.AddAsync(shared, 4);
        await visitor.AddAsync(onlyAnonymous, 1);

        var session = await LoginAsVisitorAsync(email, anonymousId);
        var afterFirst = await fixture.Authorized(session).CartAsync();
        await LoginAsVisitorAsync(email, anonymousId);
        var afterSecond = await fixture.Authorized(session).CartAsync();

        var quantities = afterFirst.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("productId").GetGuid(), i => i.GetProperty("quantity").GetInt32());
        Assert.Equal(5, quantities[shared]);
        Assert.Equal(1, quantities[onlyAnonymous]);
        Assert.Equal(afterFirst.GetRawText(), afterSecond.GetRawText());
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM carts WHERE anonymous_id = @id AND status = 'merged'", ("id", anonymousId)));
    }
}
