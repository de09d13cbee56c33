namespace SbbCommerce.IntegrationTests.Cart.Lines;

public sealed class CartLineTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_no_token_and_no_anonymous_id_When_using_the_cart_Then_400_cart_owner_required()
    {
        var client = fixture.CreateClient();

        await (await client.GetAsync("/api/v1/cart")).AssertProblemAsync(HttpStatusCode.BadRequest, "cart_owner_required");
        await (await client.AddAsync(SeededData.BpcProductId)).AssertProblemAsync(HttpStatusCode.BadRequest, "cart_owner_required");
    }

    [Fact]
    public async Task Given_a_new_visitor_When_reading_the_cart_Then_an_empty_cart_and_no_row()
    {
        var cart = await fixture.Visitor().CartAsync();

        Assert.Equal(JsonValueKind.Null, cart.GetProperty("id").ValueKind);
        Assert.Equal(0, cart.GetProperty("items").GetArrayLength());
        Assert.Equal(0, cart.GetProperty("totalCents").GetInt32());
    }

    [Fact]
    public async Task Given_a_visitor_When_adding_twice_Then_one_line_with_the_summed_quantity_and_totals_in_cents()
    {
        var product = await fixture.ProductAsync(priceCents: 4_999);
        var visitor = fixture.Visitor();

        await visitor.AddAsync(product, 2);
        var cart = await (await visitor.AddAsync(product, 3)).ReadAsync();

        var line = cart.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(5, line.GetProperty("quantity").GetInt32());
        Assert.Equal(24_995, cart.GetProperty("subtotalCents").GetInt32());
        Assert.Equal(24_995, cart.GetProperty("totalCents").GetInt32());
        Assert.Equal(24_995L, await fixture.ScalarAsync<long>("SELECT total_cents::bigint FROM carts WHERE id = @id", ("id", cart.GetProperty("id").GetGuid())));
    }

    [Fact]
    public async Task Given_one_visitor_When_two_first_adds_race_Then_one_cart_holds_both_lines_never_a_500()
    {
        var first = await fixture.ProductAsync();
        var second = await fixture.ProductAsync();
        var anonymousId = $"racer-{Guid.NewGuid():N}";

        var answers = await Task.WhenAll(fixture.Visitor(anonymousId).AddAsync(first), fixture.Visitor(anonymousId).AddAsync(second));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM carts WHERE anonymous_id = @id", ("id", anonymousId)));
        Assert.Equal(2, (await fixture.Visitor(anonymousId).CartAsync()).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Given_one_cart_When_the_same_product_is_added_concurrently_Then_one_line_with_the_sum()
    {
        var product = await fixture.ProductAsync();
        var anonymousId = $"double-{Guid.NewGuid():N}";

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => fixture.Visitor(anonymousId).AddAsync(product, 2)));

        var line = (await fixture.Visitor(anonymousId).CartAsync()).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(10, line.GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task Given_another_visitor_When_reading_the_cart_Then_they_never_see_my_lines()
    {
        await fixture.Visitor("owner-visitor-0001").AddAsync(await fixture.ProductAsync());

        var stranger = await fixture.Visitor("stranger-visitor-01").CartAsync();

        Assert.Equal(0, stranger.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(1_000_000)]
    public async Task Given_a_zero_negative_or_absurd_quantity_When_adding_Then_400_validation_failed(int quantity)
    {
        var response = await fixture.Visitor().AddAsync(SeededData.BpcProductId, quantity);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_an_unknown_draft_or_deleted_product_When_adding_Then_422_product_unavailable()
    {
        var draft = await fixture.ProductAsync(status: "draft");
        var deleted = await fixture.ProductAsync(deleted: true);
        var visitor = fixture.Visitor();

        foreach (var product in new[] { Guid.NewGuid(), draft, deleted })
        {
            await (await visitor.AddAsync(product)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "product_unavailable");
        }
    }

    [Fact]
    public async Task Given_fewer_units_on_the_shelf_When_adding_more_Then_422_insufficient_stock_with_what_is_available()
    {
        var product = await fixture.ProductAsync(onHand: 3);
        var visitor = fixture.Visitor();
        await visitor.AddAsync(product, 2);

        var response = await visitor.AddAsync(product, 2);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "insufficient_stock");
        Assert.Equal(3, problem.GetProperty("quantityAvailable").GetInt32());
        Assert.Equal(2, (await visitor.CartAsync()).GetProperty("items")[0].GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task Given_a_price_change_after_adding_When_reading_the_cart_Then_the_new_price_and_a_changed_flag()
    {
        var product = await fixture.ProductAsync(priceCents: 3_000);
        var visitor = fixture.Visitor();
        await visitor.AddAsync(product, 2);
        await fixture.ExecuteAsync("UPDATE products SET price_cents = 3500 WHERE id = @id", ("id", product));

        var cart = await visitor.CartAsync();

        var line = cart.GetProperty("items")[0];
        Assert.True(line.GetProperty("priceChanged").GetBoolean());
        Assert.Equal(3_500, line.GetProperty("unitPriceCents").GetInt32());
        Assert.Equal(3_000, line.GetProperty("addedPriceCents").GetInt32());
        Assert.Equal(7_000, cart.GetProperty("subtotalCents").GetInt32());
    }

    [Fact]
    public async Task Given_a_line_When_changing_its_quantity_and_removing_it_Then_totals_follow_and_events_are_recorded()
    {
        var product = await fixture.ProductAsync(priceCents: 1_000);
        var visitor = fixture.Visitor();
        var cartId = (await (await visitor.AddAsync(product, 1)).ReadAsync()).GetProperty("id").GetGuid();

        var updated = await (await visitor.PatchAsJsonAsync($"/api/v1/cart/items/{product}", new { quantity = 4 })).ReadAsync();
        var removed = await (await visitor.DeleteAsync($"/api/v1/cart/items/{product}")).ReadAsync();
        var again = await visitor.DeleteAsync($"/api/v1/cart/items/{product}");

        Assert.Equal(4_000, updated.GetProperty("totalCents").GetInt32());
        Assert.Equal(0, removed.GetProperty("totalCents").GetInt32());
        await again.AssertProblemAsync(HttpStatusCode.NotFound, "cart_item_not_found");
        Assert.Equal(3L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM events WHERE cart_id = @id AND product_id = @product AND event_name IN ('cart.add', 'cart.update_quantity', 'cart.remove')",
            ("id", cartId), ("product", product)));
    }

    [Fact]
    public async Task Given_another_carts_product_id_When_changing_it_in_my_cart_Then_404()
    {
        var theirs = await fixture.ProductAsync();
        var mine = await fixture.ProductAsync();
        await fixture.Visitor("foreign-owner-01").AddAsync(theirs);
        var me = fixture.Visitor();
        await me.AddAsync(mine);

        var response = await me.PatchAsJsonAsync($"/api/v1/cart/items/{theirs}", new { quantity = 2 });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "cart_item_not_found");
    }
}
