namespace SbbCommerce.IntegrationTests.Payments.Refunds;

public sealed class RefundTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());

    [Fact]
    public async Task Given_a_paid_order_When_a_part_is_refunded_Then_payment_and_order_are_partially_refunded_and_a_credit_memo_is_queued()
    {
        var placed = await PaidAsync();

        await CompleteAsync(await CreateAsync(placed.PaymentId, 3_000));

        Assert.Equal("partially_refunded", await fixture.OrderStatusAsync(placed.OrderId));
        Assert.Equal("partially_refunded", await fixture.ScalarAsync<string>("SELECT status::text FROM payments WHERE id = @id AND refunded_amount_cents = 3000", ("id", placed.PaymentId)));
        Assert.Equal(1L, await CreditMemos(placed.PaymentId));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND event_type = 'refund.completed'", ("id", placed.PaymentId)));
    }

    [Fact]
    public async Task Given_a_partial_refund_When_a_refund_above_the_rest_is_asked_Then_422_refund_exceeds_paid()
    {
        var placed = await PaidAsync();
        await CompleteAsync(await CreateAsync(placed.PaymentId, 3_000));

        var tooMuch = await Admin().PostAsJsonAsync($"/api/v1/admin/payments/{placed.PaymentId}/refunds",
            new { amountCents = 7_001, reason = "x", refundMethod = "check" });

        await tooMuch.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "refund_exceeds_paid");
    }

    [Fact]
    public async Task Given_a_partial_refund_When_the_rest_is_refunded_Then_payment_and_order_are_refunded_with_two_credit_memos()
    {
        var placed = await PaidAsync();
        await CompleteAsync(await CreateAsync(placed.PaymentId, 3_000));

        await CompleteAsync(await CreateAsync(placed.PaymentId, 7_000));

        Assert.Equal("refunded", await fixture.OrderStatusAsync(placed.OrderId));
        Assert.Equal("refunded", await fixture.ScalarAsync<string>("SELECT status::text FROM payments WHERE id = @id AND refunded_amount_cents = 10000", ("id", placed.PaymentId)));
        Assert.Equal(2L, await CreditMemos(placed.PaymentId));
        Assert.Equal(["refund_created", "refund_completed", "refund_created", "refund_completed"], await RefundActions(placed.PaymentId));
    }

    [Fact]
    public async Task Given_a_completed_refund_When_completed_again_Then_409_concurrency_conflict_and_nothing_more_is_refunded()
    {
        var placed = await PaidAsync();
        var refund = await CreateAsync(placed.PaymentId, 2_000);
        await CompleteAsync(refund);

        var again = await Admin().PostAsync($"/api/v1/admin/refunds/{refund}/complete", null);

        await again.AssertProblemAsync(HttpStatusCode.Conflict, "concurrency_conflict");
        Assert.Equal(2_000, await fixture.ScalarAsync<int>("SELECT refunded_amount_cents FROM payments WHERE id = @id", ("id", placed.PaymentId)));
    }

    [Fact]
    public async Task Given_an_unknown_refund_When_completed_Then_404_refund_not_found()
    {
        var response = await Admin().PostAsync($"/api/v1/admin/refunds/{Guid.NewGuid()}/complete", null);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "refund_not_found");
    }

    [Fact]
    public async Task Given_a_payment_not_completed_When_a_refund_is_asked_Then_422_invalid_payment_state()
    {
        var placed = await fixture.SubmittedAsync();

        var response = await Admin().PostAsJsonAsync($"/api/v1/admin/payments/{placed.PaymentId}/refunds",
            new { amountCents = 1_000, reason = "x", refundMethod = "check" });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_payment_state");
    }

    [Fact]
    public async Task Given_refunds_racing_that_together_exceed_the_payment_When_all_arrive_at_once_Then_one_is_refused()
    {
        var placed = await PaidAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Admin().PostAsJsonAsync($"/api/v1/admin/payments/{placed.PaymentId}/refunds",
            new { amountCents = 4_000, reason = "race", refundMethod = "check" })));

        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        await answers.Single(a => a.StatusCode != HttpStatusCode.Created).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "refund_exceeds_paid");
    }

    private async Task<PlacedOrder> PaidAsync()
    {
        var placed = await fixture.SubmittedAsync(10_000);
        await (await Admin().VerifyAsync(placed.PaymentId)).ReadAsync();
        return placed;
    }

    private async Task<Guid> CreateAsync(Guid paymentId, int amountCents)
    {
        var created = await (await Admin().PostAsJsonAsync($"/api/v1/admin/payments/{paymentId}/refunds",
            new { amountCents, reason = "damaged vial", refundMethod = "original_method" })).ReadAsync();
        return created.GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> CompleteAsync(Guid refundId) =>
        await (await Admin().PostAsync($"/api/v1/admin/refunds/{refundId}/complete", null)).ReadAsync();

    private Task<long> CreditMemos(Guid paymentId) => fixture.ScalarAsync<long>(
        "SELECT count(*) FROM webhooks_outbox WHERE event_type = 'credit_memo.created' AND payload->>'paymentId' = @id", ("id", paymentId.ToString()));

    private async Task<string[]> RefundActions(Guid paymentId) =>
        (await fixture.ScalarAsync<string>(
            "SELECT string_agg(action, ',' ORDER BY attempt_number) FROM payment_attempts WHERE payment_id = @id AND action LIKE 'refund%'",
            ("id", paymentId))).Split(',');
}
