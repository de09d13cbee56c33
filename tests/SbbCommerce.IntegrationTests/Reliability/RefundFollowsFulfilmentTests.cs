using SbbCommerce.IntegrationTests.Fulfillment;

namespace SbbCommerce.IntegrationTests.Reliability;

/// <summary>
/// Refunds of orders that are packed or on their way (the two defects the lifecycle property test found): the order's
/// status follows the money, and a full refund cancels the fulfilments that have not shipped, their units back on
/// the shelf (reservation released once, lots restocked), with history and audit rows.
/// </summary>
public sealed class RefundFollowsFulfilmentTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_every_unit_packed_When_the_order_is_refunded_in_full_Then_the_fulfilment_is_cancelled_and_the_stock_released_once()
    {
        var (product, lot) = await StockedProductAsync(20);
        var paid = await fixture.PaidOrderAsync(product, 3);
        var packed = await PackAsync(paid, 3);
        Assert.Equal("ready_to_ship", await fixture.OrderStatusAsync(paid.OrderId));
        Assert.Equal((20, 3), await fixture.StockAsync(product));
        Assert.Equal(17, await fixture.RemainingAsync(lot));

        await RefundAsync(paid.OrderId, everything: true);

        Assert.Equal("refunded", await fixture.OrderStatusAsync(paid.OrderId));
        Assert.Equal((20, 0), await fixture.StockAsync(product));
        Assert.Equal(20, await fixture.RemainingAsync(lot));
        Assert.Equal("cancelled", await fixture.ScalarAsync<string>("SELECT status::text FROM fulfillments WHERE id = @id", ("id", packed)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM fulfillment_status_history WHERE fulfillment_id = @id AND from_status = 'unfulfilled' AND to_status = 'cancelled'", ("id", packed)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'fulfillment.cancelled' AND user_id = @admin", ("id", packed), ("admin", SeededData.AdminId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM order_status_history WHERE order_id = @id AND from_status = 'ready_to_ship' AND to_status = 'refunded'", ("id", paid.OrderId)));
        Assert.Equal(0, await fixture.ScalarAsync<int>("SELECT quantity_fulfilled FROM order_items WHERE id = @id", ("id", paid.OrderItemId)));
        await (await fixture.Admin().ShipAsync(packed)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
        await AssertInventoryCheckOkAsync();
    }

    [Fact]
    public async Task Given_some_units_shipped_and_others_packed_When_refunded_in_full_Then_only_the_packed_units_return()
    {
        var (product, _) = await StockedProductAsync(20);
        var paid = await fixture.PaidOrderAsync(product, 5);
        var shipped = (await fixture.Admin().FulfilAndShipAsync(paid.OrderId, paid.OrderItemId, 2)).Id();
        var packed = await PackAsync(paid, 2);
        Assert.Equal((18, 3), await fixture.StockAsync(product));

        await RefundAsync(paid.OrderId, everything: true);

        Assert.Equal("refunded", await fixture.OrderStatusAsync(paid.OrderId));
        Assert.Equal((18, 0), await fixture.StockAsync(product));
        Assert.Equal("fulfilled", await fixture.ScalarAsync<string>("SELECT status::text FROM fulfillments WHERE id = @id", ("id", shipped)));
        Assert.Equal("cancelled", await fixture.ScalarAsync<string>("SELECT status::text FROM fulfillments WHERE id = @id", ("id", packed)));
        Assert.Equal(2, await fixture.ScalarAsync<int>("SELECT quantity_fulfilled FROM order_items WHERE id = @id", ("id", paid.OrderItemId)));
        await AssertInventoryCheckOkAsync();
    }

    [Fact]
    public async Task Given_a_packed_order_When_refunded_in_part_Then_it_is_partially_refunded_and_the_packed_units_still_ship()
    {
        var (product, _) = await StockedProductAsync(20);
        var paid = await fixture.PaidOrderAsync(product, 2);
        var packed = await PackAsync(paid, 2);

        await RefundAsync(paid.OrderId, everything: false);

        Assert.Equal("partially_refunded", await fixture.OrderStatusAsync(paid.OrderId));
        Assert.Equal("ready_to_ship", await fixture.ScalarAsync<string>("SELECT fulfillment_progress::text FROM orders WHERE id = @id", ("id", paid.OrderId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM order_status_history WHERE order_id = @id AND from_status = 'ready_to_ship' AND to_status = 'partially_refunded'", ("id", paid.OrderId)));
        Assert.Equal((20, 2), await fixture.StockAsync(product));

        await (await fixture.Admin().ShipAsync(packed)).ReadJsonAsync(HttpStatusCode.OK);

        Assert.Equal("shipped", await fixture.ScalarAsync<string>("SELECT fulfillment_progress::text FROM orders WHERE id = @id", ("id", paid.OrderId)));
        Assert.Equal((18, 0), await fixture.StockAsync(product));
        await AssertInventoryCheckOkAsync();
    }

    [Theory]
    [InlineData(true, "refunded")]
    [InlineData(false, "partially_refunded")]
    public async Task Given_a_shipped_order_When_refunded_Then_the_status_follows_the_money_with_its_history_row(bool everything, string expected)
    {
        var (product, _) = await StockedProductAsync(20);
        var paid = await fixture.PaidOrderAsync(product, 2);
        await fixture.Admin().FulfilAndShipAsync(paid.OrderId, paid.OrderItemId, 2);
        Assert.Equal("shipped", await fixture.OrderStatusAsync(paid.OrderId));

        await RefundAsync(paid.OrderId, everything);

        Assert.Equal(expected, await fixture.OrderStatusAsync(paid.OrderId));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM order_status_history WHERE order_id = @id AND from_status = 'shipped' AND to_status = @to::order_status",
            ("id", paid.OrderId), ("to", expected)));
        Assert.Equal((18, 0), await fixture.StockAsync(product));
        await AssertInventoryCheckOkAsync();
    }

    private async Task<(Guid Product, Guid Lot)> StockedProductAsync(int units)
    {
        var product = await fixture.ProductAsync(priceCents: 2_000, onHand: units);
        return (product, await fixture.LotAsync(product, "RFD", 365, units));
    }

    private async Task<Guid> PackAsync(PaidOrder paid, int units) =>
        (await (await fixture.Admin().FulfilAsync(paid.OrderId, new { orderItemId = paid.OrderItemId, quantity = units })).ReadJsonAsync(HttpStatusCode.Created)).Id();

    /// <summary>Refunds all that was paid, or a third of it, and completes the refund.</summary>
    private async Task RefundAsync(Guid orderId, bool everything)
    {
        var paymentId = await fixture.ScalarAsync<Guid>("SELECT id FROM payments WHERE order_id = @id AND status = 'completed'", ("id", orderId));
        var paidCents = await fixture.ScalarAsync<int>("SELECT amount_cents FROM payments WHERE id = @id", ("id", paymentId));
        var admin = fixture.Admin();
        var refund = await (await admin.PostAsJsonAsync($"/api/v1/admin/payments/{paymentId}/refunds",
            new { amountCents = everything ? paidCents : paidCents / 3, reason = "customer request", refundMethod = "original_method" })).ReadJsonAsync(HttpStatusCode.Created);
        await (await admin.PostAsync($"/api/v1/admin/refunds/{refund.Id()}/complete", null)).ReadJsonAsync(HttpStatusCode.OK);
    }

    private async Task AssertInventoryCheckOkAsync()
    {
        JsonElement check = await (await fixture.Admin().GetAsync("/api/v1/admin/inventory/check")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.True(check.GetProperty("ok").GetBoolean(), check.ToString());
    }
}
