namespace SbbCommerce.IntegrationTests.Orders.ChangeOrderStatus;

public sealed class ChangeOrderStatusTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_paid_order_When_an_admin_walks_it_to_ready_to_ship_Then_each_step_is_kept_in_history_and_audited()
    {
        var order = await fixture.PaidOrderIdAsync();
        var admin = fixture.Admin();

        foreach (var step in new[] { "processing", "ready_to_ship" })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.MoveOrderAsync(order, step)).StatusCode);
        }

        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/orders/{order}");
        Assert.Equal("ready_to_ship", detail.GetProperty("status").GetString());
        Assert.Equal(4, detail.GetProperty("statusHistory").GetArrayLength());
        Assert.Equal(2L, await fixture.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'order.status_changed'", ("id", order)));
        Assert.Equal(2L, await fixture.ScalarAsync<long>("SELECT count(*) FROM order_status_history WHERE order_id = @id AND changed_by_type = 'admin'", ("id", order)));
    }

    [Fact]
    public async Task Given_an_order_ready_to_ship_When_an_admin_moves_it_to_shipped_or_delivered_Then_422_names_the_fulfilment_routes()
    {
        var order = await fixture.PaidOrderIdAsync();
        var admin = fixture.Admin();
        await admin.MoveOrderAsync(order, "processing");
        await admin.MoveOrderAsync(order, "ready_to_ship");

        var shipped = await admin.MoveOrderAsync(order, "shipped");
        var delivered = await admin.MoveOrderAsync(order, "delivered");

        var problem = await shipped.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
        Assert.Contains(problem.GetProperty("fulfillmentRoutes").EnumerateArray(), route => route.GetString()!.EndsWith("/ship", StringComparison.Ordinal));
        await delivered.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/orders/{order}");
        Assert.Equal("ready_to_ship", detail.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("shippedAt").ValueKind);
    }

    [Fact]
    public async Task Given_a_pending_order_When_an_admin_ships_it_Then_422_invalid_transition_and_nothing_changes()
    {
        var order = (await fixture.PlaceOrderAsync(await fixture.ProductAsync())).GetProperty("order").GetProperty("id").GetGuid();

        var response = await fixture.Admin().MoveOrderAsync(order, "shipped");

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
        Assert.Equal("pending_payment", await fixture.ScalarAsync<string>("SELECT status::text FROM orders WHERE id = @id", ("id", order)));
    }

    [Fact]
    public async Task Given_a_partially_refunded_order_When_it_moves_on_Then_its_status_stays_and_its_progress_moves_on()
    {
        var order = await fixture.PaidOrderIdAsync();
        var admin = fixture.Admin();
        await admin.MoveOrderAsync(order, "processing");
        await admin.MoveOrderAsync(order, "partially_refunded");

        var ready = await (await admin.MoveOrderAsync(order, "ready_to_ship")).ReadAsync();

        Assert.Equal("partially_refunded", ready.GetProperty("status").GetString());
        Assert.Equal("ready_to_ship", ready.GetProperty("fulfillmentProgress").GetString());
    }

    [Fact]
    public async Task Given_a_partially_refunded_order_When_it_skips_back_or_ships_Then_422_but_refunded_is_still_open()
    {
        var order = await fixture.PaidOrderIdAsync();
        var admin = fixture.Admin();
        await admin.MoveOrderAsync(order, "processing");
        await admin.MoveOrderAsync(order, "partially_refunded");
        await admin.MoveOrderAsync(order, "ready_to_ship");

        var shipped = await admin.MoveOrderAsync(order, "shipped");
        var skip = await admin.MoveOrderAsync(order, "processing");

        await shipped.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
        await skip.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
        Assert.Equal("refunded", (await (await admin.MoveOrderAsync(order, "refunded")).ReadAsync()).GetProperty("status").GetString());
    }
}
