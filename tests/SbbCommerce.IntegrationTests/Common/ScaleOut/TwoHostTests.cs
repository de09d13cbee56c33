using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Modules.Integration.Outbox;
using SbbCommerce.IntegrationTests.Integration.Outbox;
using Xunit.Abstractions;

namespace SbbCommerce.IntegrationTests.Common.ScaleOut;

/// <summary>
/// Two hosts on one database, as behind a load balancer: they agree on the catalog within a second, share
/// idempotency keys, and drain one outbox without sending any row twice. Neither host's clock moves here, so
/// nothing expires by time: only the database (NOTIFY, row locks, stored keys) can make them agree.
/// </summary>
public sealed class TwoHostTests(TwoHostFixture fixture, ITestOutputHelper output) : IClassFixture<TwoHostFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);
    private SbbApiFactory? _hostB;

    private SbbApiFactory HostB => _hostB ?? throw new InvalidOperationException("Host B not started.");

    public async Task InitializeAsync()
    {
        _hostB = new SbbApiFactory(fixture.ConnectionString, fixture.HostSettings);
        _ = _hostB.Server;
        await WaitUntilListeningAsync(fixture.Factory);
        await WaitUntilListeningAsync(HostB);
    }

    public async Task DisposeAsync()
    {
        if (_hostB is not null)
        {
            await _hostB.DisposeAsync();
        }
    }

    [Fact]
    public async Task Given_a_product_page_cached_on_host_B_When_host_A_changes_the_price_Then_host_B_serves_the_new_price_within_a_second()
    {
        var body = CatalogApi.ProductBody(priceCents: 2500);
        var product = await fixture.CreateActiveProductAsync(body);
        var onB = HostB.CreateClient();
        var path = $"/api/v1/products/{product.Str("slug")}";
        Assert.Equal(2500, (await onB.GetFromJsonAsync<JsonElement>(path)).Int("priceCents"));
        Assert.Equal(2500, (await onB.GetFromJsonAsync<JsonElement>(path)).Int("priceCents")); // now from B's cache

        body["priceCents"] = 1999;
        body["version"] = product.GetProperty("version").GetUInt32();
        await (await fixture.Admin().PutAsJsonAsync($"/api/v1/admin/products/{product.Id()}", body)).ReadJsonAsync(HttpStatusCode.OK);
        var clock = Stopwatch.StartNew();

        int price;
        do
        {
            price = (await onB.GetFromJsonAsync<JsonElement>(path)).Int("priceCents");
        }
        while (price != 1999 && clock.Elapsed < Bound);
        Assert.True(price == 1999, $"Host B still served {price} after {clock.ElapsedMilliseconds} ms");
        output.WriteLine($"host B served the new price {clock.Elapsed.TotalMilliseconds:F1} ms after host A's save returned");
    }

    [Fact]
    public async Task Given_a_category_tree_cached_on_host_B_When_host_A_adds_a_category_Then_host_B_shows_it_within_a_second()
    {
        var onB = HostB.CreateClient();
        await onB.GetFromJsonAsync<JsonElement>("/api/v1/categories");
        var slug = $"two-host-{Guid.NewGuid():N}"[..24];

        await (await fixture.Admin().PostAsJsonAsync("/api/v1/admin/categories", new { name = "Two hosts", slug })).ReadJsonAsync(HttpStatusCode.Created);
        var clock = Stopwatch.StartNew();

        bool shown;
        do
        {
            shown = (await onB.GetStringAsync("/api/v1/categories")).Contains(slug, StringComparison.Ordinal);
        }
        while (!shown && clock.Elapsed < Bound);
        Assert.True(shown, $"Host B did not show the new category after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Given_a_request_answered_by_host_A_When_the_client_retries_it_on_host_B_Then_B_replays_A_answer_without_running_it()
    {
        var key = $"two-host-{Guid.NewGuid():N}";
        var anonymousId = $"visitor-{Guid.NewGuid():N}";

        var first = await EchoAsync(fixture.CreateClient(), key, anonymousId, "hello");
        var retried = await EchoAsync(HostB.CreateClient(), key, anonymousId, "hello");
        var reused = await EchoAsync(HostB.CreateClient(), key, anonymousId, "another body");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.True(retried.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retried.Content.ReadAsStringAsync());
        await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
    }

    [Fact]
    public async Task Given_outbox_rows_When_both_hosts_drain_at_once_Then_the_ERP_receives_each_row_once()
    {
        await OutboxRows.SettleAllAsync(fixture);
        var now = fixture.Factory.Time.GetUtcNow();
        var skus = Enumerable.Range(0, 200).Select(i => $"TWOHOST-{i}").ToList();
        foreach (var sku in skus)
        {
            await OutboxRows.InsertItemUpsertAsync(fixture, sku, Guid.NewGuid(), now);
        }

        var claimed = await Task.WhenAll(DrainAsync(fixture.Factory), DrainAsync(HostB));

        Assert.All(claimed, c => Assert.True(c > 0, "both hosts took part"));
        Assert.Equal(skus.Count, claimed.Sum());
        var delivered = fixture.Erp.RecordsOf("item").Where(r => r.Path.StartsWith("/items/TWOHOST-", StringComparison.Ordinal)).ToList();
        Assert.Equal(skus.Count, delivered.Count);
        Assert.Equal(skus.Count, delivered.Select(r => r.Path).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE status <> 'sent'"));
    }

    private async Task<int> DrainAsync(SbbApiFactory host)
    {
        var claimed = 0;
        while (true)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var pass = await scope.ServiceProvider.GetRequiredService<OutboxDrain>().RunOnceAsync(CancellationToken.None);
            if (pass.Claimed == 0 && await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE status IN ('pending', 'failed')") == 0)
            {
                return claimed;
            }

            claimed += pass.Claimed;
        }
    }

    private static async Task<HttpResponseMessage> EchoAsync(HttpClient client, string key, string anonymousId, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/_diagnostics/echo")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { message }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        request.Headers.Add("X-Anonymous-Id", anonymousId);
        return await client.SendAsync(request);
    }

    private static async Task WaitUntilListeningAsync(SbbApiFactory host)
    {
        var state = host.Services.GetRequiredService<DatabaseNotificationState>();
        var deadline = Stopwatch.StartNew();
        while (!state.IsListening)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "The notification listener never connected.");
            await Task.Yield();
        }
    }
}

/// <summary>Host A of <see cref="TwoHostTests"/>; host B gets the same settings. Small drain batches, so both hosts get rows.</summary>
public sealed class TwoHostFixture : ErpFixture
{
    public IDictionary<string, string?> HostSettings => Settings;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Outbox:BatchSize"] = "10";
            return settings;
        }
    }
}
