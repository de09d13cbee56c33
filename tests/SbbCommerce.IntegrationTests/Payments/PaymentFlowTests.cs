using System.Text.Json;
using SbbCommerce.IntegrationTests.Cart;

namespace SbbCommerce.IntegrationTests.Payments;

public sealed class PaymentFlowTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());

    [Fact]
    public async Task Given_a_checkout_When_the_customer_sends_proof_and_an_admin_verifies_Then_the_order_is_paid_with_every_record()
    {
        var placed = await fixture.PlaceAsync(12_000);

        var submitted = await (await placed.Client.SubmitProofAsync(placed.PaymentReference, PaymentsApi.Png)).ReadAsync();
        var queue = await Admin().GetFromJsonAsync<JsonElement>("/api/v1/admin/payments?limit=200");
        var proof = await Admin().GetAsync($"/api/v1/admin/payments/{placed.PaymentId}/proof");
        var verified = await (await Admin().VerifyAsync(placed.PaymentId)).ReadAsync();

        Assert.Equal("awaiting_verification", submitted.GetProperty("status").GetString());
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == placed.PaymentId);
        Assert.Equal("image/png", proof.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PaymentsApi.Png, await proof.Content.ReadAsByteArrayAsync());
        Assert.Equal("completed", verified.GetProperty("status").GetString());
        Assert.Equal("payment_received", verified.GetProperty("order").GetProperty("status").GetString());
        Assert.Equal("payment_received", await fixture.OrderStatusAsync(placed.OrderId));
        Assert.Equal(12_000, await fixture.PaidAsync(placed.OrderId));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM orders WHERE id = @id AND paid_at IS NOT NULL", ("id", placed.OrderId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM order_status_history WHERE order_id = @id AND from_status = 'pending_payment' AND to_status = 'payment_received'", ("id", placed.OrderId)));
        Assert.Equal(["initiated", "customer_submit", "admin_verify"], await Actions(placed.PaymentId));
        Assert.Equal(1L, await Outbox("payment.completed", "epicor_propello", placed.OrderId)); // keyed by the order: it follows the sales order
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND event_type = 'sales_order.created'", ("id", placed.OrderId)));
        Assert.Equal(1L, await Outbox("payment.proof_received", "internal_email", placed.PaymentId));
        Assert.Equal(1L, await Outbox("payment.verified", "internal_email", placed.PaymentId));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM events WHERE payment_id = @id AND event_name = 'payment.completed'", ("id", placed.PaymentId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'payment.verified'", ("id", placed.PaymentId)));
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
    public async Task Given_a_rejected_payment_Then_it_failed_with_the_reason_and_the_customer_can_pay_again()
    {
        var placed = await fixture.SubmittedAsync();

        var rejected = await (await Admin().PostAsJsonAsync($"/api/v1/admin/payments/{placed.PaymentId}/reject", new { reason = "nothing arrived" })).ReadAsync();
        var again = await placed.Client.NewPaymentAsync(placed.OrderNumber);

        Assert.Equal("failed", rejected.GetProperty("status").GetString());
        Assert.Equal("pending_payment", await fixture.OrderStatusAsync(placed.OrderId));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM payment_attempts WHERE payment_id = @id AND action = 'admin_reject' AND failure_reason = 'nothing arrived'", ("id", placed.PaymentId)));
        Assert.Equal(1L, await Outbox("payment.rejected", "internal_email", placed.PaymentId));
        Assert.Equal("pending", again.GetProperty("status").GetString());
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
    public async Task Given_an_open_payment_When_asking_for_another_Then_422_invalid_payment_state()
    {
        var placed = await fixture.PlaceAsync();

        var response = await placed.Client.PostAsJsonAsync($"/api/v1/orders/{placed.OrderNumber}/payments", new { paymentMethodId = SeededData.ZelleMethodId });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_payment_state");
    }

    [Fact]
    public async Task Given_an_amount_outside_the_methods_limits_When_opening_a_payment_Then_422_amount_out_of_range()
    {
        var placed = await fixture.SubmittedAsync(100_000);
        await (await Admin().VerifyAsync(placed.PaymentId, 30_000)).ReadAsync();
        var wire = Guid.Parse("00000000-0000-4000-8000-000000001003"); // minimum 500.00

        var tooSmall = await placed.Client.PostAsJsonAsync($"/api/v1/orders/{placed.OrderNumber}/payments", new { paymentMethodId = wire, amountCents = 10_000 });
        var tooLarge = await placed.Client.PostAsJsonAsync($"/api/v1/orders/{placed.OrderNumber}/payments", new { paymentMethodId = SeededData.ZelleMethodId, amountCents = 80_000 });

        await tooSmall.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "amount_out_of_range");
        await tooLarge.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "amount_out_of_range");
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
