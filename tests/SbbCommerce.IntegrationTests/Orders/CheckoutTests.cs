namespace SbbCommerce.IntegrationTests.Orders;

public sealed class CheckoutTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_customer_made_through_the_api_When_checking_out_seeded_products_Then_order_payment_reservation_and_records()
    {
        // The whole storefront path: register, verify email, verify age, add an address, fill the cart, check out.
        var client = fixture.CreateClient();
        var email = IdentityApi.NewEmail("shopper");
        var userId = (await client.RegisterAsync(email)).GetProperty("id").GetGuid();
        var token = await fixture.TokenFromOutboxAsync(userId, "user.email_verification", "email_verification");
        await client.PostAsJsonAsync("/api/v1/auth/verify-email", new { token });
        var me = fixture.Authorized(await client.SignInAsync(email));
        await me.PostAsJsonAsync("/api/v1/me/age-verification", new { dateOfBirth = "1990-05-01" });
        var address = await (await me.PostAsJsonAsync("/api/v1/me/addresses", new
        {
            addressType = "shipping", recipientName = "Shopper", streetLine1 = "9 Elm St", city = "Dallas", stateProvince = "TX", postalCode = "75201",
        })).ReadAsync();
        var reservedBefore = await fixture.ReservedAsync(SeededData.BpcProductId);
        await (await me.AddAsync(SeededData.BpcProductId, 2)).ReadAsync();
        var compliance = await client.GetFromJsonAsync<JsonElement>("/api/v1/compliance");

        var response = await me.CheckoutAsync(new
        {
            shippingAddressId = address.GetProperty("id").GetGuid(),
            paymentMethodId = SeededData.ZelleMethodId,
            complianceAcknowledged = true,
            complianceVersion = compliance.GetProperty("version").GetString(),
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var order = body.GetProperty("order");
        var payment = body.GetProperty("payment");
        var orderId = order.GetProperty("id").GetGuid();
        Assert.Equal("pending_payment", order.GetProperty("status").GetString());
        Assert.StartsWith("SBB-", order.GetProperty("orderNumber").GetString(), StringComparison.Ordinal);
        Assert.Equal(order.GetProperty("totalCents").GetInt32(), payment.GetProperty("amountCents").GetInt32());
        Assert.Equal("pending", payment.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(payment.GetProperty("method").GetProperty("instructions").GetString()));
        Assert.Equal(JsonValueKind.Object, payment.GetProperty("method").GetProperty("details").ValueKind);
        Assert.Equal(reservedBefore + 2, await fixture.ReservedAsync(SeededData.BpcProductId));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM order_status_history WHERE order_id = @id AND to_status = 'pending_payment' AND from_status IS NULL", ("id", orderId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM payment_attempts a JOIN payments p ON p.id = a.payment_id WHERE p.order_id = @id AND a.status = 'initiated'", ("id", orderId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM carts WHERE converted_to_order_id = @id AND status = 'converted'", ("id", orderId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE event_type = 'payment.instructions' AND payload->>'orderNumber' = @number", ("number", order.GetProperty("orderNumber").GetString()!)));
        Assert.Equal(3L, await fixture.ScalarAsync<long>("SELECT count(*) FROM events WHERE order_id = @id AND event_name IN ('checkout.started', 'checkout.completed', 'order.created')", ("id", orderId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM order_items WHERE order_id = @id AND product_sku = 'SBB-BPC157-5MG' AND quantity = 2", ("id", orderId)));
    }

    [Fact]
    public async Task Given_the_same_idempotency_key_When_checking_out_twice_Then_one_order_and_the_same_answer()
    {
        var (buyer, client) = await fixture.BuyerWithCartAsync(await fixture.ProductAsync());
        var key = Guid.NewGuid().ToString();

        var first = await client.CheckoutAsync(OrdersApi.Checkout(buyer), key);
        var second = await client.CheckoutAsync(OrdersApi.Checkout(buyer), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM orders WHERE user_id = @id", ("id", buyer.UserId)));
    }

    [Fact]
    public async Task Given_a_discount_When_checking_out_Then_the_order_carries_it_and_its_use_is_counted()
    {
        var (buyer, client) = await fixture.BuyerWithCartAsync(await fixture.ProductAsync(priceCents: 10_000));
        var code = await fixture.DiscountAsync(value: 10, usageLimit: 5);
        await (await client.PostAsJsonAsync("/api/v1/cart/discount", new { code })).ReadAsync();

        var order = (await (await client.CheckoutAsync(OrdersApi.Checkout(buyer))).ReadAsync()).GetProperty("order");

        Assert.Equal(1_000, order.GetProperty("discountCents").GetInt32());
        Assert.Equal(9_000, order.GetProperty("totalCents").GetInt32());
        Assert.Equal(1, await fixture.ScalarAsync<int>("SELECT usage_count FROM discounts WHERE code = @code", ("code", code)));
    }
}
