namespace SbbCommerce.IntegrationTests.Fulfillment;

public sealed class RecallTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_lot_shipped_to_some_customers_When_it_is_recalled_Then_exactly_its_receivers_are_listed_and_each_is_emailed_once()
    {
        var product = await fixture.ProductAsync(onHand: 100);
        var bad = await fixture.LotAsync(product, "BAD", expiresInDays: 100, quantity: 20);
        var good = await fixture.LotAsync(product, "GOOD", expiresInDays: 300, quantity: 20);
        var admin = fixture.Admin();
        // Two orders of one customer from the bad lot, one order of another; a third customer got the good lot only.
        var twice = await fixture.PaidOrderAsync(product, 1);
        var secondOrder = await PaidOrderOfAsync(twice, product, 2);
        var once = await fixture.PaidOrderAsync(product, 1);
        var elsewhere = await fixture.PaidOrderAsync(product, 1);
        var packed = await fixture.PaidOrderAsync(product, 1);
        await admin.FulfilAndShipAsync(twice.OrderId, twice.OrderItemId, 1);
        await admin.FulfilAndShipAsync(secondOrder.OrderId, secondOrder.OrderItemId, 2);
        await admin.FulfilAndShipAsync(once.OrderId, once.OrderItemId, 1);
        await admin.FulfilAndShipAsync(elsewhere.OrderId, elsewhere.OrderItemId, 1, good);
        var notShipped = await (await admin.FulfilAsync(packed.OrderId, new { orderItemId = packed.OrderItemId, quantity = 1 }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var recall = await (await admin.PostAsJsonAsync($"/api/v1/admin/batches/{bad}/recall", new { reason = "COA retest failed: endotoxin" }))
            .ReadJsonAsync(HttpStatusCode.OK);
        var again = await admin.PostAsJsonAsync($"/api/v1/admin/batches/{bad}/recall", new { reason = "twice" });

        Assert.Equal(2, recall.Int("customersNotified"));
        Assert.Equal(4, recall.Int("unitsShipped"));
        Assert.Equal([notShipped.Str("fulfillmentNumber")], recall.GetProperty("unshippedFulfillments").EnumerateArray().Select(f => f.GetString()!).ToArray());
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "batch_already_recalled");
        Assert.Equal(2L, await fixture.OutboxCountAsync("batch.recall_notice", "batch", bad));
        var notices = await NoticesAsync(bad);
        Assert.Equal(
            new[] { Email(twice), Email(once) }.Order(StringComparer.Ordinal),
            notices.Select(n => n.Str("to")).Order(StringComparer.Ordinal));
        var toTwice = notices.Single(n => n.Str("to") == Email(twice));
        Assert.Equal(new[] { twice.OrderNumber, secondOrder.OrderNumber }.Order(StringComparer.Ordinal),
            toTwice.GetProperty("orderNumbers").EnumerateArray().Select(o => o.GetString()!));
        Assert.Equal("COA retest failed: endotoxin", toTwice.Str("reason"));
        Assert.Equal("Bea", toTwice.Str("firstName"));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'batch.recalled'", ("id", bad)));

        var recipients = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/batches/{bad}/recipients");
        var rows = recipients.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            new[] { twice.OrderNumber, secondOrder.OrderNumber, once.OrderNumber, packed.OrderNumber }.Order(StringComparer.Ordinal),
            rows.Select(r => r.Str("orderNumber")).Order(StringComparer.Ordinal));
        Assert.Equal(4, rows.Where(r => r.GetProperty("shippedAt").ValueKind != JsonValueKind.Null).Sum(r => r.Int("quantity")));
        Assert.DoesNotContain(rows, r => r.Str("orderNumber") == elsewhere.OrderNumber);
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/batches/{bad}/recipients?limit=3");
        var rest = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/batches/{bad}/recipients?limit=3&cursor={page.Str("nextCursor")}");
        Assert.Equal(4, page.GetProperty("items").GetArrayLength() + rest.GetProperty("items").GetArrayLength());

        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/admin/batches/{bad}/recipients");
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        var csv = await admin.SendAsync(csvRequest);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("order_number,", lines[0], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.Contains(Email(once), StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(Email(elsewhere), StringComparison.Ordinal));

        // The recalled lot leaves allocation: a new order draws from the good lot although the bad one expires first.
        var later = await fixture.PaidOrderAsync(product, 1);
        var next = await (await admin.FulfilAsync(later.OrderId, new { orderItemId = later.OrderItemId, quantity = 1 })).ReadJsonAsync(HttpStatusCode.Created);
        Assert.Equal(good, next.GetProperty("items")[0].GetProperty("batchId").GetGuid());
        await (await admin.PostAsJsonAsync($"/api/v1/admin/batches/{Guid.NewGuid()}/recall", new { reason = "x" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "batch_not_found");
    }

    [Fact]
    public async Task Given_two_admins_recalling_one_lot_at_once_When_both_post_Then_one_recall_and_one_409_and_each_receiver_is_emailed_once()
    {
        var product = await fixture.ProductAsync(onHand: 100);
        var lot = await fixture.LotAsync(product, "TWICE", expiresInDays: 100, quantity: 20);
        var paid = await fixture.PaidOrderAsync(product, 1);
        await fixture.Admin().FulfilAndShipAsync(paid.OrderId, paid.OrderItemId, 1);
        using var start = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, 4).Select(async n =>
        {
            var admin = fixture.Admin();
            await start.WaitAsync();
            return await admin.PostAsJsonAsync($"/api/v1/admin/batches/{lot}/recall", new { reason = $"admin {n}" });
        }).ToList();
        start.Release(4);
        var responses = await Task.WhenAll(racers);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "batch_already_recalled");
        }

        Assert.Equal(1L, await fixture.OutboxCountAsync("batch.recall_notice", "batch", lot));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'batch.recalled'", ("id", lot)));
    }

    private string Email(PaidOrder order) => fixture.ScalarAsync<string>("SELECT email FROM users WHERE id = @id", ("id", order.Buyer.UserId)).GetAwaiter().GetResult();

    private async Task<List<JsonElement>> NoticesAsync(Guid batch)
    {
        var json = await fixture.ScalarAsync<string>(
            "SELECT COALESCE(json_agg(payload), '[]')::text FROM webhooks_outbox WHERE event_type = 'batch.recall_notice' AND entity_id = @id", ("id", batch));
        return JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>Another paid order of the same buyer.</summary>
    private async Task<PaidOrder> PaidOrderOfAsync(PaidOrder previous, Guid product, int quantity)
    {
        await (await previous.Client.AddAsync(product, quantity)).ReadAsync();
        var body = await (await previous.Client.CheckoutAsync(OrdersApi.Checkout(previous.Buyer))).ReadAsync();
        var order = body.GetProperty("order");
        var payment = body.GetProperty("payment");
        await (await previous.Client.SubmitProofAsync(payment.Str("paymentReference"), PaymentsApi.Png)).ReadAsync();
        await (await fixture.Admin().VerifyAsync(payment.Id(), order.Int("totalCents"))).ReadAsync();
        return previous with { OrderId = order.Id(), OrderNumber = order.Str("orderNumber"), OrderItemId = order.GetProperty("items")[0].Id() };
    }
}
