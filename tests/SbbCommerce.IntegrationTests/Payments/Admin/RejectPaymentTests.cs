namespace SbbCommerce.IntegrationTests.Payments.Admin;

public sealed class RejectPaymentTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());

    [Fact]
    public async Task Given_a_submitted_payment_When_an_admin_rejects_it_Then_it_failed_with_the_reason_and_the_customer_is_told()
    {
        var placed = await fixture.SubmittedAsync();

        var rejected = await (await Reject(placed.PaymentId, "nothing arrived")).ReadAsync();

        Assert.Equal("failed", rejected.GetProperty("status").GetString());
        Assert.Equal("pending_payment", await fixture.OrderStatusAsync(placed.OrderId));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM payment_attempts WHERE payment_id = @id AND action = 'admin_reject' AND failure_reason = 'nothing arrived'", ("id", placed.PaymentId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND event_type = 'payment.rejected' AND destination = 'internal_email'", ("id", placed.PaymentId)));
    }

    [Fact]
    public async Task Given_a_rejected_payment_When_the_customer_opens_a_new_one_Then_it_is_pending()
    {
        var placed = await fixture.SubmittedAsync();
        await (await Reject(placed.PaymentId, "nothing arrived")).ReadAsync();

        var again = await placed.Client.NewPaymentAsync(placed.OrderNumber);

        Assert.Equal("pending", again.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Given_a_pending_payment_not_submitted_When_an_admin_rejects_it_Then_422_invalid_payment_state()
    {
        var placed = await fixture.PlaceAsync();

        var response = await Reject(placed.PaymentId, "nothing arrived");

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_payment_state");
    }

    private Task<HttpResponseMessage> Reject(Guid paymentId, string reason) =>
        Admin().PostAsJsonAsync($"/api/v1/admin/payments/{paymentId}/reject", new { reason });
}
