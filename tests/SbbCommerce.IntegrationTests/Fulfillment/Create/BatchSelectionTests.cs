namespace SbbCommerce.IntegrationTests.Fulfillment.Create;

public sealed class BatchSelectionTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_expired_unverified_and_recalled_lots_that_expire_first_When_fulfilling_Then_FEFO_skips_them_and_splits_over_the_good_ones()
    {
        var product = await fixture.ProductAsync(onHand: 100);
        var today = fixture.Today();
        var expired = (await fixture.CreateBatchAsync(product, $"EXP-{Guid.NewGuid():N}"[..20], today.AddDays(-400), today.AddDays(-1), 10)).Id();
        var unverified = await fixture.LotAsync(product, "UNV", expiresInDays: 10, quantity: 10, verified: false);
        var recalled = await fixture.LotAsync(product, "REC", expiresInDays: 20, quantity: 10);
        var first = await fixture.LotAsync(product, "GOOD1", expiresInDays: 200, quantity: 2);
        var second = await fixture.LotAsync(product, "GOOD2", expiresInDays: 300, quantity: 10);
        var admin = fixture.Admin();
        await (await admin.PostAsJsonAsync($"/api/v1/admin/batches/{recalled}/recall", new { reason = "COA failed" })).ReadJsonAsync(HttpStatusCode.OK);
        var paid = await fixture.PaidOrderAsync(product, 3);

        var queue = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/fulfillments/queue?limit=200");
        var queued = queue.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("orderId").GetGuid() == paid.OrderId);
        var line = queued.GetProperty("lines")[0];
        Assert.Equal(3, line.Int("quantityLeft"));
        Assert.Equal([(first, 2), (second, 1)],
            line.GetProperty("batches").EnumerateArray().Select(b => (b.GetProperty("batchId").GetGuid(), b.Int("quantity"))).ToList());

        foreach (var unfit in new[] { expired, unverified, recalled })
        {
            await (await admin.FulfilAsync(paid.OrderId, new { orderItemId = paid.OrderItemId, quantity = 1, batchId = unfit }))
                .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "batch_unavailable");
        }

        var created = await (await admin.FulfilAsync(paid.OrderId, new { orderItemId = paid.OrderItemId, quantity = 3 })).ReadJsonAsync(HttpStatusCode.Created);

        Assert.Equal([(first, 2), (second, 1)],
            created.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("batchId").GetGuid(), i.Int("quantity")))
                .OrderByDescending(p => p.Item2).ToList());
        var remaining = new List<int>();
        foreach (var lot in new[] { expired, unverified, recalled, first, second })
        {
            remaining.Add(await fixture.RemainingAsync(lot));
        }

        Assert.Equal([10, 10, 10, 0, 9], remaining);
        var after = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/fulfillments/queue?limit=200");
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), o => o.GetProperty("orderId").GetGuid() == paid.OrderId);
    }

    [Fact]
    public async Task Given_a_named_batch_When_fulfilling_Then_only_that_lot_gives_and_too_few_units_there_is_batch_unavailable()
    {
        var product = await fixture.ProductAsync(onHand: 100);
        await fixture.LotAsync(product, "FIRST", expiresInDays: 100, quantity: 10);
        var named = await fixture.LotAsync(product, "NAMED", expiresInDays: 300, quantity: 2);
        var other = await fixture.LotAsync(await fixture.ProductAsync(), "OTHER", expiresInDays: 300, quantity: 10);
        var paid = await fixture.PaidOrderAsync(product, 3);
        var admin = fixture.Admin();

        await (await admin.FulfilAsync(paid.OrderId, new { orderItemId = paid.OrderItemId, quantity = 3, batchId = named }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "batch_unavailable");
        await (await admin.FulfilAsync(paid.OrderId, new { orderItemId = paid.OrderItemId, quantity = 1, batchId = other }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "batch_unavailable");
        var created = await (await admin.FulfilAsync(paid.OrderId, new { orderItemId = paid.OrderItemId, quantity = 2, batchId = named }))
            .ReadJsonAsync(HttpStatusCode.Created);

        var item = Assert.Single(created.GetProperty("items").EnumerateArray());
        Assert.Equal(named, item.GetProperty("batchId").GetGuid());
        Assert.Equal(0, await fixture.RemainingAsync(named));
        Assert.Equal(10, await fixture.RemainingAsync(other));
    }

    [Fact]
    public async Task Given_two_admins_fulfilling_the_same_line_at_once_When_both_ask_for_most_of_it_Then_one_wins_and_the_line_never_exceeds_its_units()
    {
        var product = await fixture.ProductAsync(onHand: 100);
        var lot = await fixture.LotAsync(product, "RACE", expiresInDays: 100, quantity: 50);
        var paid = await fixture.PaidOrderAsync(product, 3);
        const int Racers = 8;
        using var start = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, Racers).Select(async _ =>
        {
            var admin = fixture.Admin();
            await start.WaitAsync();
            return await admin.FulfilAsync(paid.OrderId, new { orderItemId = paid.OrderItemId, quantity = 2 });
        }).ToList();
        start.Release(Racers);
        var responses = await Task.WhenAll(racers);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "fulfillment_exceeds_order");
        }

        Assert.Equal(2, await fixture.ScalarAsync<int>("SELECT quantity_fulfilled FROM order_items WHERE id = @id", ("id", paid.OrderItemId)));
        Assert.Equal(2L, await fixture.ScalarAsync<long>("SELECT COALESCE(sum(quantity), 0) FROM fulfillment_items WHERE order_item_id = @id", ("id", paid.OrderItemId)));
        Assert.Equal(48, await fixture.RemainingAsync(lot));
    }

    [Fact]
    public async Task Given_a_lot_number_When_anyone_looks_up_its_COA_Then_product_dates_and_states_are_public_and_an_unknown_one_is_404()
    {
        var product = await fixture.ProductAsync();
        var lot = await fixture.LotAsync(product, "PUB", expiresInDays: 100, quantity: 5);
        var number = (await fixture.Admin().GetFromJsonAsync<JsonElement>($"/api/v1/admin/batches/{lot}")).Str("batchNumber");
        var anonymous = fixture.CreateClient();

        var coa = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/coa/{number}");
        await (await fixture.Admin().PostAsJsonAsync($"/api/v1/admin/batches/{lot}/recall", new { reason = "impurity" })).ReadJsonAsync(HttpStatusCode.OK);
        var recalled = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/coa/{number}");

        Assert.Equal(number, coa.Str("batchNumber"));
        Assert.Equal($"https://coa.example/{number}.pdf", coa.Str("coaUrl"));
        Assert.True(coa.GetProperty("verified").GetBoolean());
        Assert.False(coa.GetProperty("recalled").GetBoolean());
        Assert.Equal(fixture.Today().AddDays(100).ToString("yyyy-MM-dd"), coa.Str("expiresAt"));
        Assert.True(recalled.GetProperty("recalled").GetBoolean());
        Assert.Equal("impurity", recalled.Str("recallReason"));
        await (await anonymous.GetAsync("/api/v1/coa/NO-SUCH-LOT")).AssertProblemAsync(HttpStatusCode.NotFound, "batch_not_found");
    }
}
