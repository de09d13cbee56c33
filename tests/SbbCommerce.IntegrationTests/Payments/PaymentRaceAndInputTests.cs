using SbbCommerce.IntegrationTests.Cart;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SbbCommerce.Api.Modules.Payments.Jobs;

namespace SbbCommerce.IntegrationTests.Payments;

public sealed class PaymentRaceAndInputTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());

    [Fact]
    public async Task Given_two_admins_verifying_one_payment_at_once_Then_one_wins_one_gets_409_and_the_order_is_paid_once()
    {
        var placed = await fixture.SubmittedAsync(10_000);

        var answers = await Task.WhenAll(Admin().VerifyAsync(placed.PaymentId), Admin().VerifyAsync(placed.PaymentId));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        await answers.Single(a => a.StatusCode != HttpStatusCode.OK).AssertProblemAsync(HttpStatusCode.Conflict, "concurrency_conflict");
        Assert.Equal(10_000, await fixture.PaidAsync(placed.OrderId));
    }

    [Fact]
    public async Task Given_verify_and_reject_at_once_Then_exactly_one_decides()
    {
        var placed = await fixture.SubmittedAsync();

        var answers = await Task.WhenAll(
            Admin().VerifyAsync(placed.PaymentId),
            Admin().PostAsJsonAsync($"/api/v1/admin/payments/{placed.PaymentId}/reject", new { reason = "no" }));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        var status = await fixture.ScalarAsync<string>("SELECT status::text FROM payments WHERE id = @id", ("id", placed.PaymentId));
        Assert.Equal(status == "completed" ? 10_000 : 0, await fixture.PaidAsync(placed.OrderId));
    }

    [Fact]
    public async Task Given_another_customers_payment_When_sending_proof_Then_404_and_nothing_changes()
    {
        var placed = await fixture.PlaceAsync();
        var stranger = await fixture.PlaceAsync();

        var response = await stranger.Client.SubmitProofAsync(placed.PaymentReference, PaymentsApi.Png);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "payment_not_found");
        Assert.Equal("pending", await fixture.ScalarAsync<string>("SELECT status::text FROM payments WHERE id = @id", ("id", placed.PaymentId)));
    }

    [Fact]
    public async Task Given_an_executable_named_png_When_sending_proof_Then_422_invalid_file()
    {
        var placed = await fixture.PlaceAsync();
        byte[] executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

        var response = await placed.Client.SubmitProofAsync(placed.PaymentReference, executable, "receipt.png");

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_file");
    }

    [Fact]
    public async Task Given_a_file_over_10_mb_When_sending_proof_Then_413()
    {
        var placed = await fixture.PlaceAsync();
        var big = new byte[(10 * 1024 * 1024) + 1];
        PaymentsApi.Png.CopyTo(big, 0);

        var response = await placed.Client.SubmitProofAsync(placed.PaymentReference, big);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Given_a_proof_When_a_customer_or_a_stranger_asks_for_the_file_Then_only_admins_get_it()
    {
        var placed = await fixture.SubmittedAsync();

        var asCustomer = await placed.Client.GetAsync($"/api/v1/admin/payments/{placed.PaymentId}/proof");
        var anonymous = await fixture.CreateClient().GetAsync($"/api/v1/admin/payments/{placed.PaymentId}/proof");

        Assert.Equal(HttpStatusCode.Forbidden, asCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Given_a_pending_payment_past_its_window_When_the_expiry_job_runs_Then_it_expires_and_the_order_takes_a_new_payment()
    {
        var placed = await fixture.PlaceAsync();
        var submitted = await fixture.SubmittedAsync();
        fixture.Factory.Time.Advance(TimeSpan.FromHours(49));

        await using (var scope = fixture.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ExpirePaymentsJob>().RunAsync(CancellationToken.None) >= 1);
        }

        Assert.Equal("expired", await fixture.ScalarAsync<string>("SELECT status::text FROM payments WHERE id = @id", ("id", placed.PaymentId)));
        Assert.Equal("awaiting_verification", await fixture.ScalarAsync<string>("SELECT status::text FROM payments WHERE id = @id", ("id", submitted.PaymentId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM payment_attempts WHERE payment_id = @id AND action = 'auto_expire' AND performed_by_type = 'system'", ("id", placed.PaymentId)));
        Assert.Equal("pending_payment", await fixture.OrderStatusAsync(placed.OrderId));
        var client = fixture.CreateClient().WithBearer(fixture.TokenFor("customer", placed.Buyer.UserId));
        Assert.Equal("pending", (await client.NewPaymentAsync(placed.OrderNumber)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Given_a_paid_order_When_refunded_in_part_then_in_full_Then_payment_and_order_follow_and_credit_memos_are_queued()
    {
        var placed = await fixture.SubmittedAsync(10_000);
        await (await Admin().VerifyAsync(placed.PaymentId)).ReadAsync();

        var first = await (await Admin().PostAsJsonAsync($"/api/v1/admin/payments/{placed.PaymentId}/refunds",
            new { amountCents = 3_000, reason = "damaged vial", refundMethod = "original_method" })).ReadAsync();
        await (await Admin().PostAsync($"/api/v1/admin/refunds/{first.GetProperty("id").GetGuid()}/complete", null)).ReadAsync();
        var partial = await fixture.OrderStatusAsync(placed.OrderId);
        var tooMuch = await Admin().PostAsJsonAsync($"/api/v1/admin/payments/{placed.PaymentId}/refunds",
            new { amountCents = 7_001, reason = "x", refundMethod = "check" });
        var rest = await (await Admin().PostAsJsonAsync($"/api/v1/admin/payments/{placed.PaymentId}/refunds",
            new { amountCents = 7_000, reason = "customer request", refundMethod = "store_credit" })).ReadAsync();
        await (await Admin().PostAsync($"/api/v1/admin/refunds/{rest.GetProperty("id").GetGuid()}/complete", null)).ReadAsync();
        var again = await Admin().PostAsync($"/api/v1/admin/refunds/{rest.GetProperty("id").GetGuid()}/complete", null);

        Assert.Equal("partially_refunded", partial);
        await tooMuch.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "refund_exceeds_paid");
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "concurrency_conflict");
        Assert.Equal("refunded", await fixture.OrderStatusAsync(placed.OrderId));
        Assert.Equal("refunded", await fixture.ScalarAsync<string>("SELECT status::text FROM payments WHERE id = @id AND refunded_amount_cents = 10000", ("id", placed.PaymentId)));
        Assert.Equal(2L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE event_type = 'credit_memo.created' AND payload->>'paymentId' = @id", ("id", placed.PaymentId.ToString())));
        Assert.Equal(2L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND event_type = 'refund.completed'", ("id", placed.PaymentId)));
    }

    [Fact]
    public async Task Given_refunds_racing_that_together_exceed_the_payment_Then_one_is_refused()
    {
        var placed = await fixture.SubmittedAsync(10_000);
        await (await Admin().VerifyAsync(placed.PaymentId)).ReadAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Admin().PostAsJsonAsync($"/api/v1/admin/payments/{placed.PaymentId}/refunds",
            new { amountCents = 4_000, reason = "race", refundMethod = "check" })));

        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        await answers.Single(a => a.StatusCode != HttpStatusCode.Created).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "refund_exceeds_paid");
    }

    [Fact]
    public async Task Given_a_payment_awaiting_verification_When_the_customer_cancels_or_an_admin_cancelled_first_Then_no_money_is_booked_on_a_cancelled_order()
    {
        var placed = await fixture.SubmittedAsync();

        var customerCancel = await placed.Client.PostAsync($"/api/v1/orders/{placed.OrderNumber}/cancel", null);
        await Admin().PostAsJsonAsync($"/api/v1/admin/orders/{placed.OrderId}/status", new { toStatus = "cancelled", reason = "fraud" });
        var verify = await Admin().VerifyAsync(placed.PaymentId);

        await customerCancel.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_transition");
        await verify.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_payment_state");
        Assert.Equal(0, await fixture.PaidAsync(placed.OrderId));
    }
}
