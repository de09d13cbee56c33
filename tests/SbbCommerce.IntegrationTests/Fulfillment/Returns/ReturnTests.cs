namespace SbbCommerce.IntegrationTests.Fulfillment.Returns;

public sealed class ReturnTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static Task<HttpResponseMessage> ReturnAsync(HttpClient admin, Guid fulfillment, Guid orderItemId, int quantity, bool restock) =>
        admin.PostAsJsonAsync($"/api/v1/admin/fulfillments/{fulfillment}/returns",
            new { items = new[] { new { orderItemId, quantity } }, restock, reason = "damaged in transit" });

    [Fact]
    public async Task Given_a_shipped_fulfilment_When_units_come_back_Then_restock_refills_shelf_and_lot_and_the_status_follows()
    {
        var product = await fixture.ProductAsync(onHand: 10);
        var lot = await fixture.LotAsync(product, "RET", expiresInDays: 100, quantity: 20);
        var paid = await fixture.PaidOrderAsync(product, 3);
        var admin = fixture.Admin();
        var shipped = await admin.FulfilAndShipAsync(paid.OrderId, paid.OrderItemId, 3);
        Assert.Equal((7, 0), await fixture.StockAsync(product));
        Assert.Equal(17, await fixture.RemainingAsync(lot));

        await (await ReturnAsync(admin, shipped.Id(), paid.OrderItemId, 4, restock: true))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "return_exceeds_shipment");
        var partly = await (await ReturnAsync(admin, shipped.Id(), paid.OrderItemId, 1, restock: true)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("partially_returned", partly.Str("status"));
        Assert.Equal((8, 0), await fixture.StockAsync(product));
        Assert.Equal(18, await fixture.RemainingAsync(lot));

        var all = await (await ReturnAsync(admin, shipped.Id(), paid.OrderItemId, 2, restock: false)).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("returned", all.Str("status"));
        Assert.Equal(3, all.GetProperty("items")[0].Int("quantityReturned"));
        Assert.Equal((8, 0), await fixture.StockAsync(product));
        Assert.Equal(18, await fixture.RemainingAsync(lot));
        await (await ReturnAsync(admin, shipped.Id(), paid.OrderItemId, 1, restock: true))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
        Assert.Equal(["unfulfilled", "fulfilled", "partially_returned", "returned"],
            all.GetProperty("statusHistory").EnumerateArray().Select(h => h.Str("toStatus")).ToArray());
        Assert.Equal(2L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'fulfillment.returned'", ("id", shipped.Id())));
    }

    [Fact]
    public async Task Given_a_fulfilment_not_shipped_When_a_return_is_posted_Then_422_invalid_transition()
    {
        var product = await fixture.ProductAsync(onHand: 10);
        await fixture.LotAsync(product, "RETNS", expiresInDays: 100, quantity: 20);
        var paid = await fixture.PaidOrderAsync(product, 1);
        var admin = fixture.Admin();
        var created = await (await admin.FulfilAsync(paid.OrderId, new { orderItemId = paid.OrderItemId, quantity = 1 })).ReadJsonAsync(HttpStatusCode.Created);

        await (await ReturnAsync(admin, created.Id(), paid.OrderItemId, 1, restock: true))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
        Assert.Equal(JsonValueKind.Array, created.GetProperty("statusHistory").ValueKind);
    }
}
