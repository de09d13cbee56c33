namespace SbbCommerce.IntegrationTests.Payments.Customer;

public sealed class CreatePaymentTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());

    [Fact]
    public async Task Given_an_open_payment_When_asking_for_another_Then_422_invalid_payment_state()
    {
        var placed = await fixture.PlaceAsync();

        var response = await placed.Client.PostAsJsonAsync($"/api/v1/orders/{placed.OrderNumber}/payments", new { paymentMethodId = SeededData.ZelleMethodId });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_payment_state");
    }

    [Fact]
    public async Task Given_an_amount_below_the_methods_minimum_When_opening_a_payment_Then_422_amount_out_of_range()
    {
        var placed = await PartlyPaidAsync();
        var wire = Guid.Parse("00000000-0000-4000-8000-000000001003"); // minimum 500.00

        var tooSmall = await placed.Client.PostAsJsonAsync($"/api/v1/orders/{placed.OrderNumber}/payments", new { paymentMethodId = wire, amountCents = 10_000 });

        await tooSmall.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "amount_out_of_range");
    }

    [Fact]
    public async Task Given_an_amount_above_the_methods_maximum_When_opening_a_payment_Then_422_amount_out_of_range()
    {
        var placed = await PartlyPaidAsync();

        var tooLarge = await placed.Client.PostAsJsonAsync($"/api/v1/orders/{placed.OrderNumber}/payments", new { paymentMethodId = SeededData.ZelleMethodId, amountCents = 80_000 });

        await tooLarge.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "amount_out_of_range");
    }

    [Fact]
    public async Task Given_another_customers_order_When_opening_a_payment_Then_404_order_not_found()
    {
        var placed = await fixture.PlaceAsync();
        var stranger = await fixture.PlaceAsync();

        var response = await stranger.Client.PostAsJsonAsync($"/api/v1/orders/{placed.OrderNumber}/payments", new { paymentMethodId = SeededData.ZelleMethodId });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "order_not_found");
    }

    [Fact]
    public async Task Given_a_customer_request_When_a_new_payment_opens_Then_its_first_attempt_records_the_customer_and_the_requests_user_agent()
    {
        var placed = await PartlyPaidAsync();
        placed.Client.DefaultRequestHeaders.UserAgent.ParseAdd("SbbShopper/3.1");

        var opened = await placed.Client.NewPaymentAsync(placed.OrderNumber);

        var id = opened.GetProperty("id").GetGuid();
        Assert.Equal("SbbShopper/3.1", await fixture.ScalarAsync<string>(
            "SELECT user_agent FROM payment_attempts WHERE payment_id = @id AND action = 'initiated' AND performed_by_type = 'customer'", ("id", id)));
    }

    /// <summary>An order of 1000.00 with 300.00 verified: 700.00 still due, no payment open.</summary>
    private async Task<PlacedOrder> PartlyPaidAsync()
    {
        var placed = await fixture.SubmittedAsync(100_000);
        await (await Admin().VerifyAsync(placed.PaymentId, 30_000)).ReadAsync();
        return placed;
    }
}
