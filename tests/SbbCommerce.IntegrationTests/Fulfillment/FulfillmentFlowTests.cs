namespace SbbCommerce.IntegrationTests.Fulfillment;

public sealed class FulfillmentFlowTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_paid_order_of_three_When_two_then_one_are_fulfilled_shipped_and_delivered_Then_states_stock_lots_and_messages_follow()
    {
        var product = await fixture.ProductAsync(priceCents: 5_000, onHand: 10);
        var soon = await fixture.LotAsync(product, "SOON", expiresInDays: 90, quantity: 1);
        var later = await fixture.LotAsync(product, "LATER", expiresInDays: 400, quantity: 50);
        var paid = await fixture.PaidOrderAsync(product, 3);
        var admin = fixture.Admin();
        Assert.Equal("payment_received", await fixture.OrderStatusAsync(paid.OrderId));
        Assert.Equal((10, 3), await fixture.StockAsync(product));

        // Fulfil 2 of 3: the first-expiring lot holds 1, so the line splits over both lots.
        var first = await (await admin.FulfilAsync(paid.OrderId, new { orderItemId = paid.OrderItemId, quantity = 2 })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.StartsWith("FUL-", first.Str("fulfillmentNumber"), StringComparison.Ordinal);
        Assert.Equal("unfulfilled", first.Str("status"));
        var parts = first.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("batchId").GetGuid(), i.Int("quantity"))).ToList();
        Assert.Equal([(soon, 1), (later, 1)], parts.OrderBy(p => p.Item1 == soon ? 0 : 1).ToList());
        Assert.Equal("1 Main St", first.GetProperty("shippingAddress").GetProperty("streetLine1").GetString());
        Assert.Equal("processing", await fixture.OrderStatusAsync(paid.OrderId));
        Assert.Equal(2, await fixture.ScalarAsync<int>("SELECT quantity_fulfilled FROM order_items WHERE id = @id", ("id", paid.OrderItemId)));
        Assert.Equal((0, 49), (await fixture.RemainingAsync(soon), await fixture.RemainingAsync(later)));
        Assert.Equal((10, 3), await fixture.StockAsync(product));

        var shipped = await (await admin.ShipAsync(first.Id(), "TRACK-ONE")).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("fulfilled", shipped.Str("status"));
        Assert.Equal((8, 1), await fixture.StockAsync(product));
        var afterFirst = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/orders/{paid.OrderId}");
        Assert.Equal("processing", afterFirst.Str("status"));
        Assert.Equal("shipped", afterFirst.Str("fulfillmentProgress"));
        Assert.Equal("TRACK-ONE", afterFirst.Str("trackingNumber"));

        // The rest: one unit, from the later lot; shipping it ships the order.
        var second = await (await admin.FulfilAsync(paid.OrderId, new { orderItemId = paid.OrderItemId, quantity = 1 })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(later, second.GetProperty("items")[0].GetProperty("batchId").GetGuid());
        Assert.Equal(48, await fixture.RemainingAsync(later));
        Assert.Equal("ready_to_ship", await fixture.OrderStatusAsync(paid.OrderId));
        await (await admin.FulfilAsync(paid.OrderId, new { orderItemId = paid.OrderItemId, quantity = 1 }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "fulfillment_exceeds_order");
        await (await admin.ShipAsync(second.Id(), "TRACK-TWO")).ReadJsonAsync(HttpStatusCode.OK);
        await (await admin.ShipAsync(second.Id(), "TRACK-TWO")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
        Assert.Equal("shipped", await fixture.OrderStatusAsync(paid.OrderId));
        Assert.Equal((7, 0), await fixture.StockAsync(product));

        // Delivered when both shipments arrived.
        await (await admin.DeliverAsync(first.Id())).ReadJsonAsync(HttpStatusCode.OK);
        Assert.Equal("shipped", await fixture.OrderStatusAsync(paid.OrderId));
        var delivered = await (await admin.DeliverAsync(second.Id())).ReadJsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, delivered.GetProperty("deliveredAt").ValueKind);
        Assert.Equal("delivered", await fixture.OrderStatusAsync(paid.OrderId));
        await (await admin.DeliverAsync(second.Id())).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");

        var order = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/orders/{paid.OrderId}");
        Assert.Equal(
            ["pending_payment", "payment_received", "processing", "processing", "ready_to_ship", "shipped", "delivered"],
            order.GetProperty("statusHistory").EnumerateArray().Select(h => h.Str("toStatus")).ToArray());
        Assert.Equal(3L, await fixture.ScalarAsync<long>("SELECT count(*) FROM fulfillment_status_history WHERE fulfillment_id = @id", ("id", first.Id())));
        var history = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/fulfillments/{second.Id()}")).GetProperty("statusHistory");
        Assert.Equal(["created", "shipped", "delivered"], history.EnumerateArray().Select(h => h.Str("reason")).ToArray());
        Assert.Equal(6L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id IN (@a, @b) AND action LIKE 'fulfillment.%'", ("a", first.Id()), ("b", second.Id())));

        // Messages: one shipped and one delivered email per shipment, one shipment.created per shipment keyed by the order.
        foreach (var fulfillment in new[] { first.Id(), second.Id() })
        {
            Assert.Equal(1L, await fixture.OutboxCountAsync("fulfillment.shipped", "fulfillment", fulfillment));
            Assert.Equal(1L, await fixture.OutboxCountAsync("fulfillment.delivered", "fulfillment", fulfillment));
        }

        Assert.Equal(2L, await fixture.OutboxCountAsync("shipment.created", "order", paid.OrderId));
        Assert.Equal(2L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_outbox WHERE event_type = 'shipment.created' AND destination = 'epicor_propello'"));
        var email = await fixture.OutboxPayloadAsync("fulfillment.shipped", "fulfillment", first.Id());
        Assert.Equal(paid.OrderNumber, email.Str("orderNumber"));
        Assert.Equal("Bea", email.Str("firstName"));
        Assert.Equal("TRACK-ONE", email.Str("trackingNumber"));
        Assert.Equal(2, email.GetProperty("items").EnumerateArray().Sum(i => i.Int("quantity")));
        var erp = await fixture.OutboxPayloadAsync("shipment.created", "order", paid.OrderId);
        Assert.Equal(second.Id(), erp.GetProperty("fulfillmentId").GetGuid());
        Assert.Equal(paid.OrderItemId, erp.GetProperty("lines")[0].GetProperty("orderItemId").GetGuid());
        Assert.Equal(JsonValueKind.Null, erp.GetProperty("shippingCostCents").ValueKind);
        Assert.Equal(2L, await fixture.ScalarAsync<long>("SELECT count(*) FROM events WHERE order_id = @id AND event_name = 'order.shipped'", ("id", paid.OrderId)));
        Assert.Equal(2L, await fixture.ScalarAsync<long>("SELECT count(*) FROM events WHERE order_id = @id AND event_name = 'order.delivered'", ("id", paid.OrderId)));

        // The customer sees the shipments, lots and certificates.
        var mine = await paid.Client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{paid.OrderNumber}");
        var shipments = mine.GetProperty("fulfillments").EnumerateArray().ToList();
        Assert.Equal(2, shipments.Count);
        Assert.Equal("TRACK-ONE", shipments[0].Str("trackingNumber"));
        Assert.Equal(3, shipments.SelectMany(s => s.GetProperty("items").EnumerateArray()).Sum(i => i.Int("quantity")));
        Assert.All(shipments.SelectMany(s => s.GetProperty("items").EnumerateArray()),
            i => Assert.Equal($"https://coa.example/{i.Str("batchNumber")}.pdf", i.Str("coaUrl")));
    }

    [Fact]
    public async Task Given_an_unpaid_order_When_fulfilling_Then_422_order_not_paid_and_nothing_is_written()
    {
        var product = await fixture.ProductAsync();
        var lot = await fixture.LotAsync(product, "UNPAID", 100, 10);
        var placed = (await fixture.PlaceOrderAsync(product)).GetProperty("order");

        var response = await fixture.Admin().FulfilAsync(placed.Id(), new { orderItemId = placed.GetProperty("items")[0].Id(), quantity = 1 });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "order_not_paid");
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM fulfillments WHERE order_id = @id", ("id", placed.Id())));
        Assert.Equal(10, await fixture.RemainingAsync(lot));
    }

    [Fact]
    public async Task Given_bad_fulfilment_requests_When_posting_Then_clear_4xx_codes()
    {
        var product = await fixture.ProductAsync();
        await fixture.LotAsync(product, "BAD", 100, 10);
        var paid = await fixture.PaidOrderAsync(product, 1);
        var admin = fixture.Admin();

        await (await admin.FulfilAsync(Guid.NewGuid(), new { orderItemId = paid.OrderItemId, quantity = 1 }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
        await (await admin.FulfilAsync(paid.OrderId, new { orderItemId = Guid.NewGuid(), quantity = 1 }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "order_item_not_found");
        await (await admin.FulfilAsync(paid.OrderId, new { orderItemId = paid.OrderItemId, quantity = 0 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.FulfilAsync(paid.OrderId, new { orderItemId = paid.OrderItemId, quantity = 2 }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "fulfillment_exceeds_order");
        await (await admin.ShipAsync(Guid.NewGuid())).AssertProblemAsync(HttpStatusCode.NotFound, "fulfillment_not_found");
        var created = await (await admin.FulfilAsync(paid.OrderId, new { orderItemId = paid.OrderItemId, quantity = 1 })).ReadJsonAsync(HttpStatusCode.Created);
        await (await admin.DeliverAsync(created.Id())).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
        await (await fixture.CreateClient().WithBearer(paid.Buyer.Token).GetAsync($"/api/v1/admin/fulfillments/{created.Id()}"))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await admin.PostAsync($"/api/v1/admin/fulfillments/{created.Id()}/label", null))
            .AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "provider_not_configured");
        await (await admin.PostAsJsonAsync($"/api/v1/admin/fulfillments/{created.Id()}/ship", new { carrier = "usps" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
