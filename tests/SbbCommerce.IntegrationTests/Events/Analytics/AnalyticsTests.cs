namespace SbbCommerce.IntegrationTests.Events.Analytics;

/// <summary>
/// The reports over a hand-made October 2025: five visitors, two orders. Every expected figure is worked out in the
/// comments from the rows written below.
/// </summary>
public sealed class AnalyticsTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string Range = "from=2025-10-01&to=2025-10-31";
    private Guid _p1;
    private Guid _p2;
    private int _totalA;

    /// <summary>xunit makes one instance per test: the month is written by the first and read back by the others.</summary>
    public async Task InitializeAsync()
    {
        if (await fixture.ScalarAsync<long>("SELECT count(*) FROM events WHERE session_id = 'hand-made'") > 0)
        {
            (_p1, _p2, _totalA) = (
                await fixture.ScalarAsync<Guid>("SELECT product_id FROM events WHERE anonymous_id = 'anon-bbbbbbbb' AND product_id IS NOT NULL LIMIT 1"),
                await fixture.ScalarAsync<Guid>("SELECT product_id FROM events WHERE anonymous_id = 'anon-cccccccc' LIMIT 1"),
                await fixture.ScalarAsync<int>("SELECT total_cents FROM orders WHERE utm_source = 'instagram'"));
            return;
        }

        _p1 = await fixture.ProductAsync(priceCents: 10_000);
        _p2 = await fixture.ProductAsync(priceCents: 5_000);
        var (a, orderA) = await OrderAsync(_p1, 2);
        var (d, orderD) = await OrderAsync(_p2, 1);
        _totalA = orderA.GetProperty("totalCents").GetInt32();
        // Order A: last touch instagram, paid. Order D: last touch google, not paid.
        await fixture.ExecuteAsync("""
            UPDATE orders SET created_at = '2025-10-02 09:02Z', utm_source = 'instagram', utm_medium = 'social', utm_campaign = 'story',
                   paid_at = '2025-10-02 09:03Z', amount_paid_cents = total_cents WHERE id = @id
            """, ("id", orderA.GetProperty("id").GetGuid()));
        await fixture.ExecuteAsync("""
            UPDATE orders SET created_at = '2025-10-04 12:03Z', utm_source = 'google', utm_medium = 'cpc', utm_campaign = 'brand' WHERE id = @id
            """, ("id", orderD.GetProperty("id").GetGuid()));

        // Visitor A (user a, stitched anonymous events): first touch tiktok, last touch instagram, signs up, buys p1 x2, pays.
        await EventAsync("2025-10-01 10:00Z", "page.view", user: a, anon: "anon-aaaaaaaa", utm: ("tiktok", "social", "viral"));
        await EventAsync("2025-10-01 10:01Z", "product.view", user: a, anon: "anon-aaaaaaaa", product: _p1);
        await EventAsync("2025-10-01 10:05Z", "user.signup.completed", user: a, anon: "anon-aaaaaaaa");
        await EventAsync("2025-10-02 09:00Z", "page.view", user: a, utm: ("instagram", "social", "story"));
        await EventAsync("2025-10-02 09:01Z", "cart.add", user: a, product: _p1);
        await EventAsync("2025-10-02 09:02Z", "checkout.started", user: a);
        await EventAsync("2025-10-02 09:02Z", "checkout.completed", user: a);
        await EventAsync("2025-10-02 09:03Z", "payment.completed", user: a);
        // Visitor B (anonymous): tiktok, views and adds p1, never buys.
        await EventAsync("2025-10-03 08:00Z", "page.view", anon: "anon-bbbbbbbb", utm: ("tiktok", "social", "viral"));
        await EventAsync("2025-10-03 08:01Z", "product.view", anon: "anon-bbbbbbbb", product: _p1);
        await EventAsync("2025-10-03 08:02Z", "cart.add", anon: "anon-bbbbbbbb", product: _p1);
        // Visitor C (anonymous, no UTM): views p2.
        await EventAsync("2025-10-03 09:00Z", "product.view", anon: "anon-cccccccc", product: _p2);
        // Visitor D (user d): google, views and adds p2, checks out, does not pay.
        await EventAsync("2025-10-04 12:00Z", "product.view", user: d, product: _p2, utm: ("google", "cpc", "brand"));
        await EventAsync("2025-10-04 12:01Z", "cart.add", user: d, product: _p2);
        await EventAsync("2025-10-04 12:03Z", "checkout.started", user: d);
        await EventAsync("2025-10-04 12:03Z", "checkout.completed", user: d);
        // Visitor F (anonymous, no UTM): adds p2 BEFORE viewing it, so the funnel counts the view only.
        await EventAsync("2025-10-05 10:00Z", "cart.add", anon: "anon-ffffffff", product: _p2);
        await EventAsync("2025-10-05 11:00Z", "product.view", anon: "anon-ffffffff", product: _p2);
        // Visitor E: just outside the range on both sides, counted nowhere.
        await EventAsync("2025-09-30 23:59:59Z", "product.view", anon: "anon-eeeeeeee", product: _p1, utm: ("tiktok", "social", "viral"));
        await EventAsync("2025-11-01 00:00Z", "product.view", anon: "anon-eeeeeeee", product: _p1, utm: ("tiktok", "social", "viral"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Given_the_hand_made_month_When_attributed_by_first_touch_source_Then_the_figures_are_the_hand_computed_ones()
    {
        var rows = await RowsAsync("groupBy=source&model=first_touch");

        // tiktok: A and B (2 visitors), A signed up; A's order counts for A's first touch; paid; 1 customer of 2 visitors.
        // google: D, D's unpaid order. (none): C and F.
        Assert.Equal(
        [
            "tiktok|2|1|1|1|" + _totalA + "|1|0.5",
            "(none)|2|0|0|0|0|0|0",
            "google|1|0|1|0|0|1|1",
        ], rows);
    }

    [Fact]
    public async Task Given_the_hand_made_month_When_attributed_by_last_touch_source_Then_orders_follow_their_own_utm()
    {
        var rows = await RowsAsync("groupBy=source&model=last_touch");

        // A's last touch is instagram, and so is A's order; B stays tiktok with no order.
        Assert.Equal(
        [
            "instagram|1|1|1|1|" + _totalA + "|1|1",
            "(none)|2|0|0|0|0|0|0",
            "google|1|0|1|0|0|1|1",
            "tiktok|1|0|0|0|0|0|0",
        ], rows);
    }

    [Fact]
    public async Task Given_the_hand_made_month_When_attributed_by_first_touch_campaign_Then_the_campaign_is_the_key()
    {
        var rows = await RowsAsync("groupBy=campaign&model=first_touch");

        Assert.Equal(["viral|2|1|1|1|" + _totalA + "|1|0.5", "(none)|2|0|0|0|0|0|0", "brand|1|0|1|0|0|1|1"], rows);
    }

    [Fact]
    public async Task Given_the_hand_made_month_When_the_funnel_is_read_Then_each_step_counts_visitors_who_did_it_after_the_previous()
    {
        var funnel = await AdminGetAsync($"/api/v1/admin/analytics/funnel?{Range}");

        // Views: A, B, C, D, F = 5. Adds after the view: A, B, D = 3 (F added before viewing). Checkout started and
        // completed: A, D = 2. Paid: A = 1.
        var steps = funnel.GetProperty("steps").EnumerateArray().Select(s =>
            $"{s.GetProperty("eventName").GetString()}|{s.GetProperty("visitors").GetInt64()}|" +
            $"{s.GetProperty("conversionFromPrevious").GetDouble()}|{s.GetProperty("conversionFromFirst").GetDouble()}").ToList();
        Assert.Equal(
        [
            "product.view|5|1|1",
            "cart.add|3|0.6|0.6",
            "checkout.started|2|0.6667|0.4",
            "checkout.completed|2|1|0.4",
            "payment.completed|1|0.5|0.2",
        ], steps);
    }

    [Fact]
    public async Task Given_the_hand_made_month_When_products_are_read_Then_views_adds_orders_units_and_paid_revenue_are_per_product()
    {
        var products = await AdminGetAsync($"/api/v1/admin/analytics/products?{Range}");

        // p1: viewed by A and B, added by A and B, in A's paid order x2 at 100.00 = 200.00 paid.
        // p2: viewed by C, D and F, added by D and F, in D's unpaid order x1.
        var items = products.GetProperty("items").EnumerateArray().Select(i =>
            $"{i.GetProperty("productId").GetGuid()}|{i.GetProperty("views").GetInt64()}|{i.GetProperty("adds").GetInt64()}|" +
            $"{i.GetProperty("orders").GetInt32()}|{i.GetProperty("units").GetInt32()}|{i.GetProperty("paidRevenueCents").GetInt64()}").ToList();
        Assert.Equal([$"{_p1}|2|2|1|2|20000", $"{_p2}|3|2|1|1|0"], items);
        Assert.StartsWith("Test peptide", products.GetProperty("items")[0].GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/admin/analytics/funnel?to=2025-10-31", "from")]
    [InlineData("/api/v1/admin/analytics/funnel?from=2025-10-31&to=2025-10-01", "to")]
    [InlineData("/api/v1/admin/analytics/products?from=2025-10-01&to=31.10.2025", "to")]
    [InlineData("/api/v1/admin/analytics/products?from=2024-01-01&to=2025-10-01", "to")]
    [InlineData("/api/v1/admin/analytics/attribution?from=2025-10-01&to=2025-10-31&groupBy=referrer", "groupBy")]
    [InlineData("/api/v1/admin/analytics/attribution?from=2025-10-01&to=2025-10-31&model=linear", "model")]
    public async Task Given_a_bad_parameter_When_a_report_is_asked_Then_400_validation_failed_names_it(string url, string field)
    {
        var response = await fixture.CreateClient().WithBearer(fixture.AdminToken()).GetAsync(url);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Given_a_customer_When_a_report_is_asked_Then_403()
    {
        var response = await fixture.CreateClient().WithBearer(fixture.TokenFor("customer", SeededData.CustomerId))
            .GetAsync($"/api/v1/admin/analytics/funnel?{Range}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<List<string>> RowsAsync(string query)
    {
        var report = await AdminGetAsync($"/api/v1/admin/analytics/attribution?{Range}&{query}");
        return report.GetProperty("rows").EnumerateArray().Select(r =>
            $"{r.GetProperty("key").GetString() ?? "(none)"}|{r.GetProperty("visitors").GetInt64()}|{r.GetProperty("signups").GetInt64()}|" +
            $"{r.GetProperty("orders").GetInt32()}|{r.GetProperty("paidOrders").GetInt32()}|{r.GetProperty("paidRevenueCents").GetInt64()}|" +
            $"{r.GetProperty("customers").GetInt32()}|{r.GetProperty("conversion").GetDouble()}").ToList();
    }

    private async Task<JsonElement> AdminGetAsync(string url)
    {
        var response = await fixture.CreateClient().WithBearer(fixture.AdminToken()).GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<(Guid UserId, JsonElement Order)> OrderAsync(Guid product, int quantity)
    {
        var (buyer, client) = await fixture.BuyerWithCartAsync(product, quantity);
        var response = await client.CheckoutAsync(OrdersApi.Checkout(buyer));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return (buyer.UserId, JsonDocument.Parse(text).RootElement.GetProperty("order").Clone());
    }

    private Task<int> EventAsync(string at, string name, Guid? user = null, string? anon = null, Guid? product = null,
        (string Source, string Medium, string Campaign)? utm = null) =>
        fixture.ExecuteAsync("""
            INSERT INTO events (event_name, event_category, user_id, anonymous_id, session_id, product_id, utm_source, utm_medium, utm_campaign, created_at)
            VALUES (@name, split_part(@name, '.', 1), @user, @anon, 'hand-made', @product, @source, @medium, @campaign, @at::timestamptz)
            """,
            ("name", name), ("user", (object?)user ?? DBNull.Value), ("anon", (object?)anon ?? DBNull.Value),
            ("product", (object?)product ?? DBNull.Value), ("source", (object?)utm?.Source ?? DBNull.Value),
            ("medium", (object?)utm?.Medium ?? DBNull.Value), ("campaign", (object?)utm?.Campaign ?? DBNull.Value), ("at", at));
}
