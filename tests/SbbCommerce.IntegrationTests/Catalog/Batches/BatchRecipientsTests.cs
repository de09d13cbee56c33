using System.Text.Json;

namespace SbbCommerce.IntegrationTests.Catalog.Batches;

/// <summary>
/// GET /admin/batches/{id}/recipients reads the order and fulfillment tables; those modules do not write them
/// yet, so the rows are inserted here with SQL, as they will be.
/// </summary>
public sealed class BatchRecipientsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly Guid BpcBatchA = Guid.Parse("00000000-0000-4000-8000-000000021011");
    private static readonly Guid BpcBatchB = Guid.Parse("00000000-0000-4000-8000-000000021012");

    [Fact]
    public async Task Given_a_batch_nobody_received_When_listing_recipients_Then_the_list_is_empty()
    {
        var page = await RecipientsAsync(Guid.Parse("00000000-0000-4000-8000-000000021101"));

        Assert.Empty(page.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Given_shipped_and_allocated_units_When_listing_recipients_Then_each_order_customer_and_fulfillment_is_listed()
    {
        var now = DateTimeOffset.UtcNow;
        // Shipped: 2 of batch A in fulfillment F-1 (and 1 of batch B in the same order, not listed for A).
        var shipped = await InsertOrderAsync("SBB-R-0001", "payment_received", now.AddHours(-3));
        var shippedLine = await InsertOrderItemAsync(shipped, quantity: 3, batchId: null);
        var fulfillment = await InsertFulfillmentAsync(shipped, "F-R-0001");
        await InsertFulfillmentItemAsync(fulfillment, shippedLine, 2, BpcBatchA);
        await InsertFulfillmentItemAsync(fulfillment, shippedLine, 1, BpcBatchB);
        // Allocated to batch A, 4 ordered, 1 shipped: 3 still to go out.
        var allocated = await InsertOrderAsync("SBB-R-0002", "processing", now.AddHours(-2));
        var allocatedLine = await InsertOrderItemAsync(allocated, quantity: 4, batchId: BpcBatchA);
        await InsertFulfillmentItemAsync(await InsertFulfillmentAsync(allocated, "F-R-0002"), allocatedLine, 1, BpcBatchA);
        // Cancelled before shipping: not a recipient.
        var cancelled = await InsertOrderAsync("SBB-R-0003", "cancelled", now.AddHours(-1));
        await InsertOrderItemAsync(cancelled, quantity: 1, batchId: BpcBatchA);

        var items = (await RecipientsAsync(BpcBatchA)).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(3, items.Count);
        var first = items[0];
        Assert.Equal("shipped", first.Str("kind"));
        Assert.Equal("SBB-R-0001", first.Str("orderNumber"));
        Assert.Equal("payment_received", first.Str("orderStatus"));
        Assert.Equal(SeededData.CustomerId, first.GetProperty("customerId").GetGuid());
        Assert.Equal(SeededData.CustomerEmail, first.Str("customerEmail"));
        Assert.Equal("F-R-0001", first.Str("fulfillmentNumber"));
        Assert.Equal("1Z999", first.Str("trackingNumber"));
        Assert.Equal(2, first.Int("quantity"));
        Assert.Equal(SeededData.BpcProductId, first.GetProperty("productId").GetGuid());
        Assert.Contains(items, item => item.Str("kind") == "shipped" && item.Str("orderNumber") == "SBB-R-0002" && item.Int("quantity") == 1);
        var pending = Assert.Single(items, item => item.Str("kind") == "allocated");
        Assert.Equal("SBB-R-0002", pending.Str("orderNumber"));
        Assert.Equal(3, pending.Int("quantity"));
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("fulfillmentId").ValueKind);
        Assert.DoesNotContain(items, item => item.Str("orderNumber") == "SBB-R-0003");

        var firstPage = await RecipientsAsync(BpcBatchA, "?limit=2");
        var secondPage = await RecipientsAsync(BpcBatchA, $"?limit=2&cursor={firstPage.Str("nextCursor")}");
        Assert.Equal(2, firstPage.GetProperty("items").GetArrayLength());
        Assert.Equal(1, secondPage.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, secondPage.GetProperty("nextCursor").ValueKind);
        Assert.Equal("SBB-R-0001", (await RecipientsAsync(BpcBatchB)).GetProperty("items").EnumerateArray().Single().Str("orderNumber"));
    }

    [Fact]
    public async Task Given_lines_that_kept_only_the_batch_number_When_listing_recipients_Then_they_are_matched_by_product_and_number()
    {
        var batchC = Guid.Parse("00000000-0000-4000-8000-000000021021"); // TB500-2605-A, product 02
        var tb500 = Guid.Parse("00000000-0000-4000-8000-000000020002");
        var order = await InsertOrderAsync("SBB-R-0100", "pending_payment", DateTimeOffset.UtcNow);
        await InsertOrderItemAsync(order, quantity: 2, batchId: null, productId: tb500, batchNumber: "TB500-2605-A");
        // Same number, another product (BPC-157): not this batch.
        await InsertOrderItemAsync(order, quantity: 1, batchId: null, batchNumber: "TB500-2605-A");

        var items = (await RecipientsAsync(batchC)).GetProperty("items").EnumerateArray().ToList();

        var allocated = Assert.Single(items);
        Assert.Equal("allocated", allocated.Str("kind"));
        Assert.Equal(2, allocated.Int("quantity"));
        Assert.Equal(tb500, allocated.GetProperty("productId").GetGuid());
    }

    private async Task<JsonElement> RecipientsAsync(Guid batchId, string query = "") =>
        await (await fixture.Admin().GetAsync($"/api/v1/admin/batches/{batchId}/recipients{query}")).ReadJsonAsync(HttpStatusCode.OK);

    private async Task<Guid> InsertOrderAsync(string number, string status, DateTimeOffset createdAt)
    {
        var id = Guid.NewGuid();
        await fixture.ExecuteAsync(
            """
            INSERT INTO orders (id, order_number, user_id, customer_email, customer_name, status, shipping_address, billing_address,
                                subtotal_cents, total_cents, compliance_version, compliance_acknowledged_at, created_at)
            VALUES (@id, @number, @user, 'customer@sbb.local', 'Casey Customer', @status::order_status, '{}', '{}', 4999, 4999, '1', now(), @createdAt)
            """,
            ("id", id), ("number", number), ("user", SeededData.CustomerId), ("status", status), ("createdAt", createdAt));
        return id;
    }

    private async Task<Guid> InsertOrderItemAsync(Guid orderId, int quantity, Guid? batchId, Guid? productId = null, string? batchNumber = null)
    {
        var id = Guid.NewGuid();
        await fixture.ExecuteAsync(
            """
            INSERT INTO order_items (id, order_id, product_id, product_sku, product_name, quantity, unit_price_cents, batch_id, batch_number)
            VALUES (@id, @order, @product, 'SBB-TEST', 'Test product', @quantity, 4999, @batch, @number)
            """,
            ("id", id), ("order", orderId), ("product", productId ?? SeededData.BpcProductId), ("quantity", quantity),
            ("batch", (object?)batchId ?? DBNull.Value), ("number", (object?)batchNumber ?? DBNull.Value));
        return id;
    }

    private async Task<Guid> InsertFulfillmentAsync(Guid orderId, string number)
    {
        var id = Guid.NewGuid();
        await fixture.ExecuteAsync(
            """
            INSERT INTO fulfillments (id, fulfillment_number, order_id, status, carrier, tracking_number, shipping_address, shipped_at)
            VALUES (@id, @number, @order, 'fulfilled', 'ups', '1Z999', '{}', now())
            """,
            ("id", id), ("number", number), ("order", orderId));
        return id;
    }

    private async Task InsertFulfillmentItemAsync(Guid fulfillmentId, Guid orderItemId, int quantity, Guid batchId) =>
        await fixture.ExecuteAsync(
            "INSERT INTO fulfillment_items (fulfillment_id, order_item_id, quantity, batch_id) VALUES (@f, @item, @quantity, @batch)",
            ("f", fulfillmentId), ("item", orderItemId), ("quantity", quantity), ("batch", batchId));
}
