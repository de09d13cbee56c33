namespace SbbCommerce.IntegrationTests.Payments.Admin;

public sealed class VerifyPaymentTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());

    [Fact]
    public async Task Given_a_checkout_When_the_customer_sends_proof_Then_the_payment_awaits_verification_in_the_admin_queue()
    {
        var placed = await fixture.PlaceAsync(12_000);

        var submitted = await (await placed.Client.SubmitProofAsync(placed.PaymentReference, PaymentsApi.Png)).ReadAsync();
        var queue = await Admin().GetFromJsonAsync<JsonElement>("/api/v1/admin/payments?limit=200");

        Assert.Equal("awaiting_verification", submitted.GetProperty("status").GetString());
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == placed.PaymentId);
        Assert.Equal(1L, await Outbox("payment.proof_received", "internal_email", placed.PaymentId));
    }

    [Fact]
    public async Task Given_a_submitted_payment_When_an_admin_verifies_it_Then_the_payment_completes_and_the_order_is_paid()
    {
        var placed = await fixture.SubmittedAsync(12_000);

        var verified = await (await Admin().VerifyAsync(placed.PaymentId)).ReadAsync();

        Assert.Equal("completed", verified.GetProperty("status").GetString());
        Assert.Equal("payment_received", verified.GetProperty("order").GetProperty("status").GetString());
        Assert.Equal("payment_received", await fixture.OrderStatusAsync(placed.OrderId));
        Assert.Equal(12_000, await fixture.PaidAsync(placed.OrderId));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM orders WHERE id = @id AND paid_at IS NOT NULL", ("id", placed.OrderId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM order_status_history WHERE order_id = @id AND from_status = 'pending_payment' AND to_status = 'payment_received'", ("id", placed.OrderId)));
    }

    [Fact]
    public async Task Given_a_submitted_payment_When_an_admin_verifies_it_Then_attempts_messages_event_and_audit_are_written()
    {
        var placed = await fixture.SubmittedAsync(12_000);

        await (await Admin().VerifyAsync(placed.PaymentId)).ReadAsync();

        Assert.Equal(["initiated", "customer_submit", "admin_verify"], await Actions(placed.PaymentId));
        Assert.Equal(1L, await Outbox("payment.completed", "epicor_propello", placed.OrderId)); // keyed by the order: it follows the sales order
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND event_type = 'sales_order.created'", ("id", placed.OrderId)));
        Assert.Equal(1L, await Outbox("payment.verified", "internal_email", placed.PaymentId));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM events WHERE payment_id = @id AND event_name = 'payment.completed'", ("id", placed.PaymentId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'payment.verified'", ("id", placed.PaymentId)));
    }

    [Fact]
    public async Task Given_an_admin_request_When_verifying_Then_the_attempt_records_the_admin_and_the_requests_user_agent()
    {
        var placed = await fixture.SubmittedAsync();
        var admin = Admin();
        admin.DefaultRequestHeaders.UserAgent.ParseAdd("SbbAdminDesk/2.0");

        await (await admin.VerifyAsync(placed.PaymentId)).ReadAsync();

        Assert.Equal("SbbAdminDesk/2.0", await fixture.ScalarAsync<string>(
            "SELECT user_agent FROM payment_attempts WHERE payment_id = @id AND action = 'admin_verify' AND performed_by_type = 'admin'",
            ("id", placed.PaymentId)));
    }

    [Fact]
    public async Task Given_less_than_due_When_verified_Then_the_order_stays_pending_with_the_rest_due_and_a_second_payment_pays_it()
    {
        var placed = await fixture.SubmittedAsync(10_000);

        await (await Admin().VerifyAsync(placed.PaymentId, 6_000)).ReadAsync();
        var rest = await placed.Client.NewPaymentAsync(placed.OrderNumber);
        await (await placed.Client.SubmitProofAsync(rest.GetProperty("paymentReference").GetString()!)).ReadAsync();
        await (await Admin().VerifyAsync(rest.GetProperty("id").GetGuid())).ReadAsync();

        Assert.Equal(4_000, rest.GetProperty("amountCents").GetInt32());
        Assert.Equal("payment_received", await fixture.OrderStatusAsync(placed.OrderId));
        Assert.Equal(10_000, await fixture.PaidAsync(placed.OrderId));
    }

    [Fact]
    public async Task Given_more_than_due_When_verified_Then_the_overpayment_is_recorded_and_listed_for_a_refund()
    {
        var placed = await fixture.SubmittedAsync(10_000);

        await (await Admin().VerifyAsync(placed.PaymentId, 10_500)).ReadAsync();
        var overpaid = await Admin().GetFromJsonAsync<JsonElement>("/api/v1/admin/payments/overpaid-orders");

        Assert.Equal("payment_received", await fixture.OrderStatusAsync(placed.OrderId));
        var row = overpaid.EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == placed.OrderId);
        Assert.Equal(500, row.GetProperty("overpaidCents").GetInt32());
    }

    [Fact]
    public async Task Given_a_pending_payment_not_submitted_When_an_admin_verifies_Then_422_invalid_payment_state()
    {
        var placed = await fixture.PlaceAsync();

        var response = await Admin().VerifyAsync(placed.PaymentId);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_payment_state");
        Assert.Equal(0, await fixture.PaidAsync(placed.OrderId));
    }

    [Fact]
    public async Task Given_an_unknown_payment_When_an_admin_verifies_Then_404_payment_not_found()
    {
        var response = await Admin().VerifyAsync(Guid.NewGuid());

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "payment_not_found");
    }

    [Fact]
    public async Task Given_two_admins_verifying_one_payment_at_once_When_both_answers_arrive_Then_one_wins_one_gets_409_and_the_order_is_paid_once()
    {
        var placed = await fixture.SubmittedAsync(10_000);

        var answers = await Task.WhenAll(Admin().VerifyAsync(placed.PaymentId), Admin().VerifyAsync(placed.PaymentId));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        await answers.Single(a => a.StatusCode != HttpStatusCode.OK).AssertProblemAsync(HttpStatusCode.Conflict, "concurrency_conflict");
        Assert.Equal(10_000, await fixture.PaidAsync(placed.OrderId));
    }

    [Fact]
    public async Task Given_a_submitted_payment_When_verified_and_rejected_at_once_Then_exactly_one_decides()
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

    private async Task<string[]> Actions(Guid paymentId)
    {
        var actions = new List<string>();
        await using var connection = new Npgsql.NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT action FROM payment_attempts WHERE payment_id = @id ORDER BY attempt_number", connection);
        command.Parameters.AddWithValue("id", paymentId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            actions.Add(reader.GetString(0));
        }

        return [.. actions];
    }

    private Task<long> Outbox(string eventType, string destination, Guid entityId) => fixture.ScalarAsync<long>(
        "SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND event_type = @type AND destination = @destination",
        ("id", entityId), ("type", eventType), ("destination", destination));
}
