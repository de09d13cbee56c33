namespace SbbCommerce.IntegrationTests.Integration.Inbox;

/// <summary>The ERP's payment receipts complete payments as an admin's verify does, once, whoever comes first.</summary>
public sealed class PaymentReceiptTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    [Fact]
    public async Task Given_a_payment_awaiting_verification_When_the_ERP_confirms_its_receipt_twice_Then_it_is_booked_once_through_the_verify_flow()
    {
        var placed = await fixture.SubmittedAsync();
        var body = Receipt(placed.PaymentReference, placed.TotalCents);

        (await fixture.PostErpAsync(body)).EnsureSuccessStatusCode();
        (await fixture.PostErpAsync(body)).EnsureSuccessStatusCode(); // a second delivery under another event id
        await fixture.ProcessInboxAsync();

        Assert.Equal("completed", await fixture.ScalarAsync<string>("SELECT status::text FROM payments WHERE id = @id", ("id", placed.PaymentId)));
        Assert.Equal(placed.TotalCents, await fixture.PaidAsync(placed.OrderId));
        Assert.Equal("payment_received", await fixture.OrderStatusAsync(placed.OrderId));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM payment_attempts WHERE payment_id = @id AND action = 'erp_receipt' AND performed_by_type = 'webhook' AND status = 'verified'",
            ("id", placed.PaymentId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_outbox WHERE event_type = 'payment.verified' AND entity_id = @id", ("id", placed.PaymentId)));
        Assert.Equal("ERP-PAY-1", await fixture.ScalarAsync<string>("SELECT erp_payment_id FROM payments WHERE id = @id", ("id", placed.PaymentId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_inbox WHERE related_payment_id = @id AND result->>'result' = 'already_booked'", ("id", placed.PaymentId)));
    }

    [Fact]
    public async Task Given_a_receipt_and_an_admin_verify_racing_on_one_payment_When_both_run_Then_the_money_is_booked_once()
    {
        var placed = await fixture.SubmittedAsync();
        (await fixture.PostErpAsync(Receipt(placed.PaymentReference, placed.TotalCents))).EnsureSuccessStatusCode();

        var admin = fixture.CreateClient().WithBearer(fixture.AdminToken());
        var results = await Task.WhenAll(fixture.ProcessInboxAsync(), admin.VerifyAsync(placed.PaymentId).ContinueWith(t => (int)t.Result.StatusCode));

        Assert.Contains(results[1], new[] { 200, 409 });
        Assert.Equal(placed.TotalCents, await fixture.PaidAsync(placed.OrderId));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM payment_attempts WHERE payment_id = @id AND status = 'verified'", ("id", placed.PaymentId)));
    }

    private static string Receipt(string reference, int amountCents) => JsonSerializer.Serialize(new
    {
        type = "payment_receipt.confirmed",
        data = new { paymentReference = reference, amountCents, receivedAt = DateTimeOffset.UtcNow, erpPaymentId = "ERP-PAY-1" },
    });
}
