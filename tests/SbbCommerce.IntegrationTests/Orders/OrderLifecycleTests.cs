using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SbbCommerce.Api.Common.StateMachines;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.Jobs;
using SbbCommerce.IntegrationTests.Cart;

namespace SbbCommerce.IntegrationTests.Orders;

public sealed class OrderLifecycleTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());

    private static Task<HttpResponseMessage> MoveAsync(HttpClient admin, Guid orderId, string toStatus) =>
        admin.PostAsJsonAsync($"/api/v1/admin/orders/{orderId}/status", new { toStatus, reason = "test step" });

    [Fact]
    public async Task Given_my_order_When_listing_and_reading_Then_it_is_there_and_another_user_gets_404()
    {
        var product = await fixture.ProductAsync();
        var (buyer, client) = await fixture.BuyerWithCartAsync(product);
        var number = (await (await client.CheckoutAsync(OrdersApi.Checkout(buyer))).ReadAsync()).GetProperty("order").GetProperty("orderNumber").GetString();
        var stranger = fixture.Client(await fixture.BuyerAsync());

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/orders");
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{number}");
        var foreign = await stranger.GetAsync($"/api/v1/orders/{number}");

        Assert.Equal(number, list.GetProperty("items")[0].GetProperty("orderNumber").GetString());
        Assert.Equal(1, detail.GetProperty("payments").GetArrayLength());
        Assert.Equal(1, detail.GetProperty("statusHistory").GetArrayLength());
        await foreign.AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
    }

    [Fact]
    public async Task Given_a_pending_order_When_the_customer_cancels_Then_stock_is_released_payments_cancelled_and_a_second_cancel_is_422()
    {
        var product = await fixture.ProductAsync(onHand: 5);
        var (buyer, client) = await fixture.BuyerWithCartAsync(product, 2);
        var number = (await (await client.CheckoutAsync(OrdersApi.Checkout(buyer))).ReadAsync()).GetProperty("order").GetProperty("orderNumber").GetString();
        Assert.Equal(2, await fixture.ReservedAsync(product));

        var cancelled = await (await client.PostAsync($"/api/v1/orders/{number}/cancel", null)).ReadAsync();
        var again = await client.PostAsync($"/api/v1/orders/{number}/cancel", null);

        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(0, await fixture.ReservedAsync(product));
        Assert.Equal("cancelled", cancelled.GetProperty("payments")[0].GetProperty("status").GetString());
        await again.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
    }

    [Fact]
    public async Task Given_a_paid_order_When_an_admin_walks_it_to_ready_to_ship_and_then_to_shipped_Then_the_steps_are_kept_and_shipped_is_refused()
    {
        var order = await PaidOrderAsync();
        var admin = Admin();

        foreach (var step in new[] { "processing", "ready_to_ship" })
        {
            Assert.Equal(HttpStatusCode.OK, (await MoveAsync(admin, order, step)).StatusCode);
        }

        var shipped = await MoveAsync(admin, order, "shipped");
        var delivered = await MoveAsync(admin, order, "delivered");

        var problem = await shipped.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
        Assert.Contains(problem.GetProperty("fulfillmentRoutes").EnumerateArray(), route => route.GetString()!.EndsWith("/ship", StringComparison.Ordinal));
        await delivered.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/orders/{order}");
        Assert.Equal("ready_to_ship", detail.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("shippedAt").ValueKind);
        Assert.Equal(4, detail.GetProperty("statusHistory").GetArrayLength());
        Assert.Equal(2L, await fixture.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'order.status_changed'", ("id", order)));
        Assert.Equal(2L, await fixture.ScalarAsync<long>("SELECT count(*) FROM order_status_history WHERE order_id = @id AND changed_by_type = 'admin'", ("id", order)));
    }

    [Fact]
    public async Task Given_a_pending_order_When_an_admin_ships_it_Then_422_invalid_transition_and_nothing_changes()
    {
        var order = (await fixture.PlaceOrderAsync(await fixture.ProductAsync())).GetProperty("order").GetProperty("id").GetGuid();

        var response = await MoveAsync(Admin(), order, "shipped");

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
        Assert.Equal("pending_payment", await fixture.ScalarAsync<string>("SELECT status::text FROM orders WHERE id = @id", ("id", order)));
    }

    [Fact]
    public async Task Given_a_partially_refunded_order_When_it_moves_on_Then_its_status_stays_and_its_progress_moves_on()
    {
        var order = await PaidOrderAsync();
        var admin = Admin();
        await MoveAsync(admin, order, "processing");
        await MoveAsync(admin, order, "partially_refunded");

        var ready = await (await MoveAsync(admin, order, "ready_to_ship")).ReadAsync();
        var shipped = await MoveAsync(admin, order, "shipped");
        var skip = await MoveAsync(admin, order, "processing");

        Assert.Equal("partially_refunded", ready.GetProperty("status").GetString());
        Assert.Equal("ready_to_ship", ready.GetProperty("fulfillmentProgress").GetString());
        await shipped.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
        await skip.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
        Assert.Equal("refunded", (await (await MoveAsync(admin, order, "refunded")).ReadAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Given_orders_When_an_admin_searches_by_status_and_number_Then_they_are_found_and_notes_are_audited()
    {
        var placed = (await fixture.PlaceOrderAsync(await fixture.ProductAsync())).GetProperty("order");
        var id = placed.GetProperty("id").GetGuid();
        var admin = Admin();

        var byNumber = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/orders?q={placed.GetProperty("orderNumber").GetString()}");
        var byStatus = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/orders?status=pending_payment&limit=200");
        var notes = await admin.PatchAsJsonAsync($"/api/v1/admin/orders/{id}/notes", new { internalNotes = "called the customer" });

        Assert.Equal(id, byNumber.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid());
        Assert.Contains(byStatus.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.OK, notes.StatusCode);
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'order.notes_changed'", ("id", id)));
    }

    [Fact]
    public async Task Given_a_full_payment_recorded_When_the_order_was_pending_Then_payment_received_paid_at_and_sales_order_in_the_outbox()
    {
        var order = (await fixture.PlaceOrderAsync(await fixture.ProductAsync(priceCents: 7_000))).GetProperty("order").GetProperty("id").GetGuid();

        await using (var scope = fixture.CreateScope())
        {
            var payments = scope.ServiceProvider.GetRequiredService<IOrderPayments>();
            var partial = await payments.RecordPaymentAsync(order, 3_000, StatusActor.Admin(SeededData.AdminId), CancellationToken.None);
            Assert.Equal(OrderStatus.PendingPayment, partial.Status);
            Assert.Equal(4_000, partial.AmountDueCents);
            var full = await payments.RecordPaymentAsync(order, 4_000, StatusActor.Admin(SeededData.AdminId), CancellationToken.None);
            Assert.Equal(OrderStatus.PaymentReceived, full.Status);
            await ApiFixture.DbContext(scope).SaveChangesAsync();
        }

        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM orders WHERE id = @id AND paid_at IS NOT NULL AND amount_paid_cents = 7000", ("id", order)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND event_type = 'sales_order.created' AND destination = 'epicor_propello'", ("id", order)));
    }

    [Fact]
    public async Task Given_unpaid_orders_past_72_hours_When_the_job_runs_Then_those_without_a_live_payment_are_cancelled_and_release_stock()
    {
        var product = await fixture.ProductAsync(onHand: 10);
        var expired = (await fixture.PlaceOrderAsync(product)).GetProperty("order").GetProperty("id").GetGuid();
        var stillPaying = (await fixture.PlaceOrderAsync(product)).GetProperty("order").GetProperty("id").GetGuid();
        await fixture.ExecuteAsync("UPDATE payments SET status = 'expired' WHERE order_id = @id", ("id", expired));
        await fixture.ExecuteAsync("UPDATE payments SET status = 'awaiting_verification' WHERE order_id = @id", ("id", stillPaying));
        fixture.Factory.Time.Advance(TimeSpan.FromHours(73));

        await using (var scope = fixture.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<CancelUnpaidOrdersJob>().RunAsync(CancellationToken.None) >= 1);
        }

        Assert.Equal("cancelled", await fixture.ScalarAsync<string>("SELECT status::text FROM orders WHERE id = @id", ("id", expired)));
        Assert.Equal("pending_payment", await fixture.ScalarAsync<string>("SELECT status::text FROM orders WHERE id = @id", ("id", stillPaying)));
        Assert.Equal(1, await fixture.ReservedAsync(product));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM order_status_history WHERE order_id = @id AND to_status = 'cancelled' AND changed_by_type = 'system'", ("id", expired)));
    }

    private async Task<Guid> PaidOrderAsync()
    {
        var order = (await fixture.PlaceOrderAsync(await fixture.ProductAsync())).GetProperty("order");
        var id = order.GetProperty("id").GetGuid();
        await using var scope = fixture.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IOrderPayments>()
            .RecordPaymentAsync(id, order.GetProperty("totalCents").GetInt32(), StatusActor.System, CancellationToken.None);
        await ApiFixture.DbContext(scope).SaveChangesAsync();
        return id;
    }
}
