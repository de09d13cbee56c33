using SbbCommerce.Api.Modules.Integration.Erp;
using SbbCommerce.Api.Modules.Payments.Jobs;
using SbbCommerce.IntegrationTests.Integration.Outbox;

namespace SbbCommerce.IntegrationTests.Common.ScaleOut;

/// <summary>
/// Two hosts configured as in production for background work: both run the outbox dispatcher loops and the same
/// recurring job bodies at once, yet every row is handled once; and a checkout retried on the other host replays.
/// </summary>
public sealed class TwoHostWorkTests(TwoHostWorkFixture fixture) : IClassFixture<TwoHostWorkFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly ErpWrites _hostBWrites = new();
    private SbbApiFactory? _hostB;

    private SbbApiFactory HostB => _hostB ?? throw new InvalidOperationException("Host B not started.");

    public Task InitializeAsync()
    {
        _hostB = new SbbApiFactory(fixture.ConnectionString, fixture.HostSettings, services => ErpWrites.Count(services, _hostBWrites));
        _ = _hostB.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_hostB is not null)
        {
            await _hostB.DisposeAsync();
        }
    }

    [Fact]
    public async Task Given_both_hosts_running_the_outbox_dispatcher_When_a_burst_of_messages_is_written_Then_the_ERP_receives_each_once_from_both_hosts()
    {
        await OutboxRows.SettleAllAsync(fixture);
        var run = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var replaysBefore = fixture.Erp.Replays;
        var hostAWritesBefore = fixture.Writes.Items;
        fixture.Erp.Latency = TimeSpan.FromMilliseconds(20); // an ERP that takes a moment, so every loop of both hosts gets work
        try
        {
            var now = fixture.Factory.Time.GetUtcNow();
            var skus = Enumerable.Range(0, 300).Select(i => $"BURST-{run}-{i}").ToList();
            foreach (var sku in skus)
            {
                await OutboxRows.InsertItemUpsertAsync(fixture, sku, Guid.NewGuid(), now);
            }

            var clock = Stopwatch.StartNew();
            while (await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE status <> 'sent'") > 0)
            {
                Assert.True(clock.Elapsed < Deadline, "The dispatchers did not drain the burst.");
                await Task.Yield();
            }

            var delivered = fixture.Erp.RecordsOf("item").Where(r => r.Path.StartsWith($"/items/BURST-{run}-", StringComparison.Ordinal)).ToList();
            Assert.Equal(skus.Count, delivered.Count);
            Assert.Equal(skus.Count, delivered.Select(r => r.IdempotencyKey).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(skus.Order(StringComparer.Ordinal), delivered.Select(r => r.Path["/items/".Length..]).Order(StringComparer.Ordinal));
            Assert.Equal(replaysBefore, fixture.Erp.Replays); // no message was sent twice, not even as a replay
            Assert.True(fixture.Writes.Items - hostAWritesBefore > 0, "host A's dispatcher took part");
            Assert.True(_hostBWrites.Items > 0, "host B's dispatcher took part");
            Assert.Equal(skus.Count, fixture.Writes.Items - hostAWritesBefore + _hostBWrites.Items);
        }
        finally
        {
            fixture.Erp.Latency = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Given_expired_payments_When_both_hosts_run_the_expiry_job_at_once_Then_each_payment_expires_once_with_one_history_row()
    {
        var placed = new List<PlacedOrder>();
        for (var i = 0; i < 6; i++)
        {
            placed.Add(await fixture.PlaceAsync());
        }

        var ids = placed.Select(p => p.PaymentId).ToArray();
        await fixture.ExecuteAsync("UPDATE payments SET expires_at = @past WHERE id = ANY(@ids)",
            ("past", fixture.Factory.Time.GetUtcNow().AddHours(-1)), ("ids", ids));
        const string Expirations = "SELECT count(*) FROM payment_attempts WHERE action = 'auto_expire'";
        var before = await fixture.ScalarAsync<long>(Expirations);

        // Two runs per host at once, as two job servers (or a retry overlapping a slow run) would.
        var expired = await Task.WhenAll(ExpireOnAsync(fixture.Factory), ExpireOnAsync(HostB), ExpireOnAsync(fixture.Factory), ExpireOnAsync(HostB));

        Assert.Equal(await fixture.ScalarAsync<long>(Expirations) - before, expired.Sum());
        foreach (var id in ids)
        {
            Assert.Equal("expired", await fixture.ScalarAsync<string>("SELECT status::text FROM payments WHERE id = @id", ("id", id)));
            Assert.Equal(1L, await fixture.ScalarAsync<long>(
                "SELECT count(*) FROM payment_attempts WHERE payment_id = @id AND action = 'auto_expire'", ("id", id)));
        }
    }

    [Fact]
    public async Task Given_a_checkout_placed_on_host_A_When_the_client_retries_it_on_host_B_Then_B_replays_the_order_without_placing_another()
    {
        var (buyer, onA) = await fixture.BuyerWithCartAsync(await fixture.ProductAsync());
        var onB = HostB.CreateClient().WithBearer(buyer.Token);
        var key = $"checkout-{Guid.NewGuid():N}";

        var first = await onA.CheckoutAsync(OrdersApi.Checkout(buyer), key);
        var retried = await onB.CheckoutAsync(OrdersApi.Checkout(buyer), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.True(retried.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retried.Content.ReadAsStringAsync());
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM orders WHERE user_id = @id", ("id", buyer.UserId)));
    }

    private static async Task<int> ExpireOnAsync(SbbApiFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExpirePaymentsJob>().RunAsync(CancellationToken.None);
    }
}

/// <summary>Host A of <see cref="TwoHostWorkTests"/>: the outbox dispatcher on (as on a job host), small batches.</summary>
public sealed class TwoHostWorkFixture : ErpFixture
{
    internal ErpWrites Writes { get; } = new();

    public IDictionary<string, string?> HostSettings => Settings;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Outbox:DispatcherEnabled"] = "true";
            settings["Outbox:DispatcherLoops"] = "2";
            settings["Outbox:BatchSize"] = "10";
            // Rows written by SQL wake no host: both poll, often enough that neither can drain the burst before the other's next poll.
            settings["Outbox:PollInterval"] = "00:00:00.100";
            return settings;
        }
    }

    protected override void ConfigureServices(IServiceCollection services) => ErpWrites.Count(services, Writes);
}

/// <summary>Counts the item writes one host sends to the ERP (a handler on that host's Propello client).</summary>
internal sealed class ErpWrites
{
    private int _items;

    public int Items => Volatile.Read(ref _items);

    public static void Count(IServiceCollection services, ErpWrites writes) =>
        services.AddHttpClient(PropelloClient.HttpClientName).AddHttpMessageHandler(() => new CountingHandler(writes));

    private sealed class CountingHandler(ErpWrites writes) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Put && request.RequestUri?.AbsolutePath.StartsWith("/items/", StringComparison.Ordinal) == true
                && response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref writes._items);
            }

            return response;
        }
    }
}
