namespace SbbCommerce.IntegrationTests.Payments.Reconciliation.ReusedProofs;

public sealed class ReusedProofTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());

    private async Task<JsonElement> QueuedAsync(Guid paymentId) =>
        (await Admin().GetFromJsonAsync<JsonElement>("/api/v1/admin/payments?limit=200")).GetProperty("items").EnumerateArray()
        .Single(p => p.GetProperty("id").GetGuid() == paymentId);

    private static string[] ReusedOf(JsonElement payment) =>
        payment.GetProperty("reusedProofOf").EnumerateArray().Select(r => r.GetString()!).ToArray();

    [Fact]
    public async Task Given_the_same_screenshot_on_two_payments_When_the_queue_is_read_Then_each_names_the_other()
    {
        byte[] screenshot = [.. PaymentsApi.Png, .. Guid.NewGuid().ToByteArray()];
        var first = await fixture.PlaceAsync();
        var second = await fixture.PlaceAsync();
        await (await first.Client.SubmitProofAsync(first.PaymentReference, screenshot, customerReference: ReconciliationApi.NewId())).ReadAsync();
        await (await second.Client.SubmitProofAsync(second.PaymentReference, screenshot, customerReference: ReconciliationApi.NewId())).ReadAsync();

        Assert.Equal([first.PaymentReference], ReusedOf(await QueuedAsync(second.PaymentId)));
        Assert.Equal([second.PaymentReference], ReusedOf(await QueuedAsync(first.PaymentId)));
        var detail = await Admin().GetFromJsonAsync<JsonElement>($"/api/v1/admin/payments/{second.PaymentId}");
        Assert.Equal([first.PaymentReference], ReusedOf(detail));
    }

    [Fact]
    public async Task Given_a_customer_reference_already_given_for_another_payment_When_the_queue_is_read_Then_it_is_flagged_whatever_its_case()
    {
        var confirmation = ReconciliationApi.NewId();
        var first = await fixture.PlaceAsync();
        var second = await fixture.PlaceAsync();
        await (await first.Client.SubmitProofAsync(first.PaymentReference, [.. PaymentsApi.Png, 1], customerReference: confirmation)).ReadAsync();
        await (await second.Client.SubmitProofAsync(second.PaymentReference, [.. PaymentsApi.Png, 2], customerReference: " " + confirmation.ToLowerInvariant())).ReadAsync();

        Assert.Equal([first.PaymentReference], ReusedOf(await QueuedAsync(second.PaymentId)));
    }

    [Fact]
    public async Task Given_distinct_proofs_When_the_queue_is_read_Then_nothing_is_flagged()
    {
        var placed = await fixture.PlaceAsync();
        await (await placed.Client.SubmitProofAsync(placed.PaymentReference, [.. PaymentsApi.Png, .. Guid.NewGuid().ToByteArray()],
            customerReference: ReconciliationApi.NewId())).ReadAsync();

        Assert.Empty(ReusedOf(await QueuedAsync(placed.PaymentId)));
        Assert.Equal(64, (await fixture.ScalarAsync<string>("SELECT proof_sha256 FROM payments WHERE id = @id", ("id", placed.PaymentId))).Length);
    }

    [Fact]
    public async Task Given_a_payment_When_its_customer_reads_it_Then_the_instructions_say_to_write_the_reference_in_the_memo()
    {
        var placed = await fixture.PlaceAsync();

        var detail = await placed.Client.GetFromJsonAsync<JsonElement>($"/api/v1/payments/{placed.PaymentReference}");

        Assert.Equal(placed.PaymentReference, detail.GetProperty("memo").GetString());
        var instructions = detail.GetProperty("memoInstructions").GetString()!;
        Assert.Contains($"Write {placed.PaymentReference} in the Zelle memo", instructions, StringComparison.Ordinal);
    }
}
