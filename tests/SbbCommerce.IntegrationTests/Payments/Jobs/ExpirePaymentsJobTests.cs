using SbbCommerce.Api.Modules.Payments.Jobs;

namespace SbbCommerce.IntegrationTests.Payments.Jobs;

public sealed class ExpirePaymentsJobTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_pending_payment_past_its_window_When_the_expiry_job_runs_Then_it_expires_with_a_system_attempt()
    {
        var placed = await fixture.PlaceAsync();
        fixture.Factory.Time.Advance(TimeSpan.FromHours(49));

        Assert.True(await RunAsync() >= 1);

        Assert.Equal("expired", await fixture.ScalarAsync<string>("SELECT status::text FROM payments WHERE id = @id", ("id", placed.PaymentId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM payment_attempts WHERE payment_id = @id AND action = 'auto_expire' AND performed_by_type = 'system'", ("id", placed.PaymentId)));
        Assert.Equal("pending_payment", await fixture.OrderStatusAsync(placed.OrderId));
    }

    [Fact]
    public async Task Given_a_payment_awaiting_verification_past_its_window_When_the_expiry_job_runs_Then_it_still_awaits_verification()
    {
        var submitted = await fixture.SubmittedAsync();
        fixture.Factory.Time.Advance(TimeSpan.FromHours(49));

        await RunAsync();

        Assert.Equal("awaiting_verification", await fixture.ScalarAsync<string>("SELECT status::text FROM payments WHERE id = @id", ("id", submitted.PaymentId)));
    }

    [Fact]
    public async Task Given_an_expired_payment_When_the_customer_opens_a_new_one_Then_it_is_pending()
    {
        var placed = await fixture.PlaceAsync();
        fixture.Factory.Time.Advance(TimeSpan.FromHours(49));
        await RunAsync();

        var client = fixture.CreateClient().WithBearer(fixture.TokenFor("customer", placed.Buyer.UserId));

        Assert.Equal("pending", (await client.NewPaymentAsync(placed.OrderNumber)).GetProperty("status").GetString());
    }

    private async Task<int> RunAsync()
    {
        await using var scope = fixture.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ExpirePaymentsJob>().RunAsync(CancellationToken.None);
    }
}
