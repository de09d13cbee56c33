using SbbCommerce.IntegrationTests.Fulfillment;

namespace SbbCommerce.IntegrationTests.Reliability;

/// <summary>GET /admin/inventory/check: reserved = units of live orders not yet shipped, on hand >= reserved.</summary>
public sealed class InventoryCheckTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_pending_cancelled_and_partly_shipped_orders_When_checking_Then_the_invariant_holds_and_a_drifted_product_is_named()
    {
        var product = await fixture.CreateActiveProductAsync(CatalogApi.ProductBody(quantityOnHand: 50));
        await fixture.LotAsync(product.Id(), "CHK", 365, 50);
        await fixture.PlaceOrderAsync(product.Id(), 3);
        var (buyer, client) = await fixture.BuyerWithCartAsync(product.Id(), 2);
        var cancelledNumber = (await (await client.CheckoutAsync(OrdersApi.Checkout(buyer))).ReadAsync()).GetProperty("order").Str("orderNumber");
        await (await client.PostAsync($"/api/v1/orders/{cancelledNumber}/cancel", null)).ReadAsync();
        var paid = await fixture.PaidOrderAsync(product.Id(), 5);
        await fixture.Admin().FulfilAndShipAsync(paid.OrderId, paid.OrderItemId, 2);

        var healthy = await CheckAsync();

        Assert.True(healthy.GetProperty("ok").GetBoolean(), healthy.ToString());
        Assert.Empty(healthy.GetProperty("violations").EnumerateArray());
        Assert.Equal(await fixture.ScalarAsync<long>("SELECT count(*) FROM products"), healthy.Int("productsChecked"));
        Assert.Equal((48, 6), await fixture.StockAsync(product.Id())); // 3 pending + (5 - 2 shipped); the cancelled 2 released

        await fixture.ExecuteAsync("UPDATE products SET quantity_reserved = quantity_reserved + 1 WHERE id = @id", ("id", product.Id()));
        var drifted = await CheckAsync();

        Assert.False(drifted.GetProperty("ok").GetBoolean());
        var violation = Assert.Single(drifted.GetProperty("violations").EnumerateArray());
        Assert.Equal(product.Id(), violation.GetProperty("productId").GetGuid());
        Assert.Equal(7, violation.Int("quantityReserved"));
        Assert.Equal(6, violation.Int("liveUnits"));
        Assert.Equal("reserved_mismatch", violation.Str("kind"));
    }

    [Fact]
    public async Task Given_a_customer_or_anonymous_caller_When_checking_Then_403_or_401()
    {
        var buyer = await fixture.BuyerAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Client(buyer).GetAsync("/api/v1/admin/inventory/check")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.CreateClient().GetAsync("/api/v1/admin/inventory/check")).StatusCode);
    }

    private async Task<JsonElement> CheckAsync() =>
        await (await fixture.Admin().GetAsync("/api/v1/admin/inventory/check")).ReadJsonAsync(HttpStatusCode.OK);
}
