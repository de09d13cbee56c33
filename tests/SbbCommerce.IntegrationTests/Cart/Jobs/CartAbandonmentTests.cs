using SbbCommerce.Api.Modules.Cart.Jobs;

namespace SbbCommerce.IntegrationTests.Cart.Jobs;

/// <summary>The abandonment job, called directly with the host's fake clock (the Hangfire server is off in tests).</summary>
public sealed class CartAbandonmentTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private async Task<(int Abandoned, int Expired)> RunJobAsync()
    {
        await using var scope = fixture.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CartAbandonmentJob>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Given_carts_idle_for_a_day_When_the_job_runs_Then_they_are_abandoned_and_consenting_users_get_one_recovery_message()
    {
        var consenting = await fixture.CreateClient().NewCustomerAsync(); // registration gives marketing consent
        var silentSession = await NewCustomerWithoutConsentAsync();
        var product = await fixture.ProductAsync();
        var consentingCart = (await (await fixture.Authorized(consenting.Session).AddAsync(product)).ReadAsync()).GetProperty("id").GetGuid();
        var silentCart = (await (await fixture.Authorized(silentSession).AddAsync(product)).ReadAsync()).GetProperty("id").GetGuid();
        var anonymousCart = (await (await fixture.Visitor().AddAsync(product)).ReadAsync()).GetProperty("id").GetGuid();
        fixture.Factory.Time.Advance(TimeSpan.FromHours(25));

        await RunJobAsync();
        await fixture.ExecuteAsync("UPDATE carts SET status = 'active' WHERE id = @id", ("id", consentingCart));
        await RunJobAsync();

        foreach (var cart in new[] { consentingCart, silentCart, anonymousCart })
        {
            Assert.Equal("abandoned", await fixture.ScalarAsync<string>("SELECT status FROM carts WHERE id = @id", ("id", cart)));
            Assert.True(await fixture.ScalarAsync<long>("SELECT count(*) FROM events WHERE cart_id = @id AND event_name = 'cart.abandoned'", ("id", cart)) >= 1);
        }

        Assert.Equal(1L, await OutboxFor(consentingCart));
        Assert.Equal(0L, await OutboxFor(silentCart));
        Assert.Equal(0L, await OutboxFor(anonymousCart));
    }

    [Fact]
    public async Task Given_a_cart_changed_an_hour_ago_or_empty_When_the_job_runs_Then_it_stays_active()
    {
        var product = await fixture.ProductAsync();
        var visitor = fixture.Visitor();
        var cart = (await (await visitor.AddAsync(product)).ReadAsync()).GetProperty("id").GetGuid();
        var empty = (await (await fixture.Visitor().DeleteAsync("/api/v1/cart/discount")).ReadAsync()).GetProperty("id").GetGuid();
        fixture.Factory.Time.Advance(TimeSpan.FromHours(23));
        await visitor.AddAsync(product);
        fixture.Factory.Time.Advance(TimeSpan.FromHours(2));

        await RunJobAsync();

        Assert.Equal("active", await fixture.ScalarAsync<string>("SELECT status FROM carts WHERE id = @id", ("id", cart)));
        Assert.Equal("active", await fixture.ScalarAsync<string>("SELECT status FROM carts WHERE id = @id", ("id", empty)));
    }

    [Fact]
    public async Task Given_a_cart_past_its_expiry_When_the_job_runs_Then_it_is_expired()
    {
        var empty = (await (await fixture.Visitor().DeleteAsync("/api/v1/cart/discount")).ReadAsync()).GetProperty("id").GetGuid();
        fixture.Factory.Time.Advance(TimeSpan.FromDays(31));

        await RunJobAsync();

        Assert.Equal("expired", await fixture.ScalarAsync<string>("SELECT status FROM carts WHERE id = @id", ("id", empty)));
    }

    [Fact]
    public async Task Given_two_hosts_When_both_run_the_job_at_once_Then_each_cart_gets_one_message()
    {
        var carts = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var (_, session) = await fixture.CreateClient().NewCustomerAsync();
            carts.Add((await (await fixture.Authorized(session).AddAsync(await fixture.ProductAsync())).ReadAsync()).GetProperty("id").GetGuid());
        }

        fixture.Factory.Time.Advance(TimeSpan.FromHours(25));

        var runs = await Task.WhenAll(Task.Run(RunJobAsync), Task.Run(RunJobAsync));

        foreach (var cart in carts)
        {
            Assert.Equal(1L, await OutboxFor(cart));
        }

        Assert.True(runs.Sum(r => r.Abandoned) >= carts.Count);
    }

    private Task<long> OutboxFor(Guid cartId) => fixture.ScalarAsync<long>(
        "SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND event_type = 'cart.recovery' AND destination = 'internal_email'", ("id", cartId));

    private async Task<Session> NewCustomerWithoutConsentAsync()
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();
        await fixture.Authorized(session).PatchAsJsonAsync("/api/v1/me/profile", new { marketingConsent = false });
        return session;
    }
}
