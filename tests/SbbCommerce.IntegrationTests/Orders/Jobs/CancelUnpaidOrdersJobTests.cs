using SbbCommerce.Api.Modules.Orders.Jobs;

namespace SbbCommerce.IntegrationTests.Orders.Jobs;

public sealed class CancelUnpaidOrdersJobTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_unpaid_orders_past_72_hours_When_the_job_runs_Then_those_without_a_live_payment_are_cancelled_and_release_stock()
    {
        var product = await fixture.ProductAsync(onHand: 10);
        var expired = (await fixture.PlaceOrderAsync(product)).GetProperty("order").GetProperty("id").GetGuid();
        var stillPaying = (await fixture.PlaceOrderAsync(product)).GetProperty("order").GetProperty("id").GetGuid();
        await fixture.ExecuteAsync("UPDATE payments SET status = 'expired' WHERE order_id = @id", ("id", expired));
        await fixture.ExecuteAsync("UPDATE payments SET status = 'awaiting_verification' WHERE order_id = @id", ("id", stillPaying));
        fixture.Factory.Time.Advance(TimeSpan.FromHours(73));

        await using (var scope = fixture.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<CancelUnpaidOrdersJob>().RunAsync(CancellationToken.None) >= 1);
        }

        Assert.Equal("cancelled", await fixture.ScalarAsync<string>("SELECT status::text FROM orders WHERE id = @id", ("id", expired)));
        Assert.Equal("pending_payment", await fixture.ScalarAsync<string>("SELECT status::text FROM orders WHERE id = @id", ("id", stillPaying)));
        Assert.Equal(1, await fixture.ReservedAsync(product));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM order_status_history WHERE order_id = @id AND to_status = 'cancelled' AND changed_by_type = 'system'", ("id", expired)));
    }
}
