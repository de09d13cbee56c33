namespace SbbCommerce.IntegrationTests.Cart.Discounts;

public sealed class CartDiscountTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static Task<HttpResponseMessage> ApplyAsync(HttpClient client, string code) => client.PostAsJsonAsync("/api/v1/cart/discount", new { code });

    private async Task<HttpClient> CartWorthAsync(int cents, Guid? product = null)
    {
        var visitor = fixture.Visitor();
        await visitor.AddAsync(product ?? await fixture.ProductAsync(priceCents: cents));
        return visitor;
    }

    [Fact]
    public async Task Given_a_percentage_code_When_applied_Then_the_total_drops_by_that_share()
    {
        var visitor = await CartWorthAsync(12_345);
        var code = await fixture.DiscountAsync(value: 10);

        var cart = await (await ApplyAsync(visitor, code.ToLowerInvariant())).ReadAsync();

        Assert.Equal(1_235, cart.GetProperty("discountCents").GetInt32());
        Assert.Equal(11_110, cart.GetProperty("totalCents").GetInt32());
        Assert.Equal(code, cart.GetProperty("discount").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Given_a_fixed_code_with_a_cap_above_the_cart_When_applied_Then_it_never_takes_more_than_the_cart()
    {
        var visitor = await CartWorthAsync(1_500);
        var code = await fixture.DiscountAsync(type: "fixed_amount", value: 2_000);

        var cart = await (await ApplyAsync(visitor, code)).ReadAsync();

        Assert.Equal(1_500, cart.GetProperty("discountCents").GetInt32());
        Assert.Equal(0, cart.GetProperty("totalCents").GetInt32());
    }

    public static TheoryData<string, string> Refusals() => new()
    {
        { "expired", "expired" },
        { "not_started", "not_started" },
        { "exhausted", "usage_limit_reached" },
        { "minimum", "minimum_not_met" },
        { "targeted_product", "not_applicable" },
        { "targeted_user", "not_applicable" },
        { "unknown", "not_applicable" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Given_a_code_that_does_not_apply_When_applied_Then_422_discount_invalid_with_the_reason(string kind, string reason)
    {
        var visitor = await CartWorthAsync(5_000);
        var code = kind switch
        {
            "expired" => await fixture.DiscountAsync(expiresIn: TimeSpan.FromMinutes(-1), startsIn: TimeSpan.FromDays(-2)),
            "not_started" => await fixture.DiscountAsync(startsIn: TimeSpan.FromDays(1)),
            "exhausted" => await fixture.DiscountAsync(usageLimit: 5, usageCount: 5),
            "minimum" => await fixture.DiscountAsync(minimum: 10_000),
            "targeted_product" => await fixture.DiscountAsync(productIds: [Guid.NewGuid()]),
            "targeted_user" => await fixture.DiscountAsync(userIds: [SeededData.CustomerId]),
            _ => "NO-SUCH-CODE",
        };

        var response = await ApplyAsync(visitor, code);

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "discount_invalid");
        Assert.Equal(reason, problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Given_a_code_for_one_product_When_applied_Then_only_that_products_lines_are_discounted()
    {
        var targeted = await fixture.ProductAsync(priceCents: 10_000);
        var other = await fixture.ProductAsync(priceCents: 20_000);
        var visitor = fixture.Visitor();
        await visitor.AddAsync(targeted);
        await visitor.AddAsync(other);
        var code = await fixture.DiscountAsync(value: 50, productIds: [targeted]);

        var cart = await (await ApplyAsync(visitor, code)).ReadAsync();

        Assert.Equal(5_000, cart.GetProperty("discountCents").GetInt32());
    }

    [Fact]
    public async Task Given_an_applied_code_When_a_change_breaks_its_minimum_Then_the_cart_drops_it_and_says_why()
    {
        var cheap = await fixture.ProductAsync(priceCents: 2_000);
        var dear = await fixture.ProductAsync(priceCents: 9_000);
        var visitor = fixture.Visitor();
        await visitor.AddAsync(cheap);
        await visitor.AddAsync(dear);
        var code = await fixture.DiscountAsync(type: "fixed_amount", value: 1_000, minimum: 10_000);
        await (await ApplyAsync(visitor, code)).ReadAsync();

        var cart = await (await visitor.DeleteAsync($"/api/v1/cart/items/{dear}")).ReadAsync();

        Assert.Equal(JsonValueKind.Null, cart.GetProperty("discount").ValueKind);
        Assert.Equal(0, cart.GetProperty("discountCents").GetInt32());
        Assert.Equal(code, cart.GetProperty("discountNotice").GetProperty("code").GetString());
        Assert.Equal("minimum_not_met", cart.GetProperty("discountNotice").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Given_a_first_order_code_and_a_customer_with_an_order_When_applied_Then_first_order_only()
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();
        var customer = fixture.Authorized(session);
        await customer.AddAsync(await fixture.ProductAsync());
        await InsertOrderAsync(session.UserId, discountId: null);
        var code = await fixture.DiscountAsync(firstOrderOnly: true);

        var problem = await (await ApplyAsync(customer, code)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "discount_invalid");

        Assert.Equal("first_order_only", problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Given_a_per_user_limit_already_used_When_applied_Then_per_user_limit_reached()
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();
        var customer = fixture.Authorized(session);
        await customer.AddAsync(await fixture.ProductAsync());
        var code = await fixture.DiscountAsync(perUser: 1);
        var discountId = await fixture.ScalarAsync<Guid>("SELECT id FROM discounts WHERE code = @code", ("code", code));
        await InsertOrderAsync(session.UserId, discountId);

        var problem = await (await ApplyAsync(customer, code)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "discount_invalid");

        Assert.Equal("per_user_limit_reached", problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Given_an_applied_code_When_removed_Then_the_total_is_full_again()
    {
        var visitor = await CartWorthAsync(10_000);
        await (await ApplyAsync(visitor, await fixture.DiscountAsync(value: 20))).ReadAsync();

        var cart = await (await visitor.DeleteAsync("/api/v1/cart/discount")).ReadAsync();

        Assert.Equal(10_000, cart.GetProperty("totalCents").GetInt32());
    }

    /// <summary>An order row as the Orders module will write it (only what discount rules read).</summary>
    private Task<int> InsertOrderAsync(Guid userId, Guid? discountId) => fixture.ExecuteAsync(
        """
        INSERT INTO orders (order_number, user_id, customer_email, customer_name, shipping_address, billing_address, subtotal_cents,
                            total_cents, compliance_version, compliance_acknowledged_at, discount_id)
        VALUES (@number, @user, 'x@example.test', 'X', '{}', '{}', 1000, 1000, '2026-11', now(), @discount)
        """,
        ("number", $"T{Guid.NewGuid():N}"[..20]), ("user", userId), ("discount", (object?)discountId ?? DBNull.Value));
}
