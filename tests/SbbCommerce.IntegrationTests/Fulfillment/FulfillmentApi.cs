namespace SbbCommerce.IntegrationTests.Fulfillment;

/// <summary>A paid order (placed, proof sent, payment verified, all over HTTP) and its one line.</summary>
internal sealed record PaidOrder(Buyer Buyer, HttpClient Client, Guid OrderId, string OrderNumber, Guid OrderItemId);

internal static class FulfillmentApi
{
    /// <summary>Checkout of <paramref name="quantity"/> units, proof of payment, admin verification: the order is payment_received.</summary>
    public static async Task<PaidOrder> PaidOrderAsync(this ApiFixture fixture, Guid product, int quantity)
    {
        var (buyer, client) = await fixture.BuyerWithCartAsync(product, quantity);
        var body = await (await client.CheckoutAsync(OrdersApi.Checkout(buyer))).ReadAsync();
        var order = body.GetProperty("order");
        var payment = body.GetProperty("payment");
        await (await client.SubmitProofAsync(payment.Str("paymentReference"), PaymentsApi.Png)).ReadAsync();
        await (await fixture.Admin().VerifyAsync(payment.Id(), order.Int("totalCents"))).ReadAsync();
        return new PaidOrder(buyer, client, order.Id(), order.Str("orderNumber"), order.GetProperty("items")[0].Id());
    }

    /// <summary>A verified, active lot of the product.</summary>
    public static async Task<Guid> LotAsync(this ApiFixture fixture, Guid product, string prefix, int expiresInDays, int quantity, bool verified = true)
    {
        var today = fixture.Today();
        var batch = await fixture.CreateBatchAsync(product, $"{prefix}-{Guid.NewGuid():N}"[..30], today.AddDays(-30), today.AddDays(expiresInDays),
            quantity, verified);
        return batch.Id();
    }

    public static Task<HttpResponseMessage> FulfilAsync(this HttpClient admin, Guid orderId, params object[] items) =>
        admin.PostAsJsonAsync($"/api/v1/admin/orders/{orderId}/fulfillments", new { items });

    public static Task<HttpResponseMessage> ShipAsync(this HttpClient admin, Guid fulfillmentId, string tracking = "9400100000000000000001") =>
        admin.PostAsJsonAsync($"/api/v1/admin/fulfillments/{fulfillmentId}/ship",
            new { carrier = "usps", serviceLevel = "priority", trackingNumber = tracking, trackingUrl = $"https://tools.usps.com/go/TrackConfirmAction?tLabels={tracking}" });

    public static Task<HttpResponseMessage> DeliverAsync(this HttpClient admin, Guid fulfillmentId) =>
        admin.PostAsync($"/api/v1/admin/fulfillments/{fulfillmentId}/deliver", null);

    /// <summary>Fulfils (FEFO) and ships the units; returns the fulfilment.</summary>
    public static async Task<JsonElement> FulfilAndShipAsync(this HttpClient admin, Guid orderId, Guid orderItemId, int quantity, Guid? batchId = null)
    {
        var created = await (await admin.FulfilAsync(orderId, new { orderItemId, quantity, batchId })).ReadJsonAsync(HttpStatusCode.Created);
        return await (await admin.ShipAsync(created.Id())).ReadJsonAsync(HttpStatusCode.OK);
    }

    public static Task<int> RemainingAsync(this ApiFixture fixture, Guid batch) =>
        fixture.ScalarAsync<int>("SELECT quantity_remaining FROM product_batches WHERE id = @id", ("id", batch));

    public static async Task<(int OnHand, int Reserved)> StockAsync(this ApiFixture fixture, Guid product) =>
        (await fixture.ScalarAsync<int>("SELECT quantity_on_hand FROM products WHERE id = @id", ("id", product)),
         await fixture.ReservedAsync(product));

    public static Task<long> OutboxCountAsync(this ApiFixture fixture, string eventType, string entityType, Guid entityId) =>
        fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE event_type = @type AND entity_type = @entity AND entity_id = @id",
            ("type", eventType), ("entity", entityType), ("id", entityId));

    public static async Task<JsonElement> OutboxPayloadAsync(this ApiFixture fixture, string eventType, string entityType, Guid entityId)
    {
        var json = await fixture.ScalarAsync<string>(
            "SELECT payload::text FROM webhooks_outbox WHERE event_type = @type AND entity_type = @entity AND entity_id = @id ORDER BY id DESC LIMIT 1",
            ("type", eventType), ("entity", entityType), ("id", entityId));
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
