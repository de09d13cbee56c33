using SbbCommerce.Fakes;
using SbbCommerce.IntegrationTests.Fulfillment;
using SbbCommerce.IntegrationTests.Integration.Email;
using SbbCommerce.IntegrationTests.Integration.Outbox;
using SbbCommerce.IntegrationTests.Reliability.Crash;

namespace SbbCommerce.IntegrationTests.Reliability;

/// <summary>
/// A host that mails through a local SMTP server and writes to the fake ERP, both of which a test can take down:
/// the ERP answers 503 (queued faults) or refuses connections (stopped; restarted on the same port), SMTP refuses
/// connections. The drain runs when the test says, on the host's fake clock.
/// </summary>
public sealed class LongOutageFixture : SmtpFixture, IAsyncLifetime
{
    private readonly int _erpPort = FreeLoopbackPort();

    internal FakePropello Erp { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Erp:Propello:BaseUrl"] = $"http://127.0.0.1:{_erpPort}",
        ["Erp:Propello:ApiKey"] = FakePropello.ApiKey,
        ["Erp:Propello:StoreId"] = FakePropello.StoreId,
        ["Erp:Propello:TimeoutSeconds"] = "2",
        ["Outbox:BaseRetryDelay"] = "00:00:10",
        ["Outbox:MaxRetryDelay"] = "01:00:00",
        ["Outbox:MaxAttempts"] = "12",
    };

    internal bool ErpRunning { get; private set; }

    public new async Task InitializeAsync()
    {
        await StartErpAsync();
        await base.InitializeAsync();
    }

    /// <summary>The ERP process is gone: connections are refused.</summary>
    internal async Task StopErpAsync()
    {
        if (ErpRunning)
        {
            await Erp.DisposeAsync();
            ErpRunning = false;
        }
    }

    /// <summary>The ERP is back on the same address (a new process: it remembers nothing, the host must sign in again).</summary>
    internal async Task StartErpAsync()
    {
        Erp = await FakePropello.StartAsync(_erpPort);
        ErpRunning = true;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await StopErpAsync();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// The ERP and SMTP down for hours of simulated time (the host's clock moved across many retry windows, a drain after
/// each step): messages wait with backoff, none is lost, and after recovery the ERP receives each entity's messages in
/// the order they were written. Within the retry budget (12 attempts, 10 s doubling to 1 h with 50-100 % jitter: at
/// least 1.7 h) nothing dies; beyond it the messages become dead letters that an admin retry delivers, still in order.
/// Each scenario has its own host and SMTP server (a test SMTP server keeps sessions it accepted alive after it stops
/// listening, so a second outage on the same host would not be one).
/// </summary>
public abstract class LongOutageScenario(LongOutageFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    protected LongOutageFixture Fixture => fixture;

    public async Task InitializeAsync()
    {
        // Each test starts from an empty outbox and a fresh ERP, so it counts only its own messages.
        fixture.StartSmtpIfStopped();
        await fixture.StopErpAsync();
        await fixture.StartErpAsync();
        await fixture.ExecuteAsync("DELETE FROM webhooks_outbox");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Paid orders, each then packed, shipped and refunded in part: four ERP messages per order, in that order.</summary>
    protected async Task<Guid[]> OrdersWithHistoryAsync(int count)
    {
        var product = await fixture.ProductAsync(priceCents: 3_000, onHand: 100);
        await fixture.LotAsync(product, "OUT", 365, 100);
        var orders = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var paid = await fixture.PaidOrderAsync(product, 2);
            await fixture.Admin().FulfilAndShipAsync(paid.OrderId, paid.OrderItemId, 2);
            var paymentId = await fixture.ScalarAsync<Guid>("SELECT id FROM payments WHERE order_id = @id", ("id", paid.OrderId));
            var refund = await (await fixture.Admin().PostAsJsonAsync($"/api/v1/admin/payments/{paymentId}/refunds",
                new { amountCents = 1_000, reason = "outage test", refundMethod = "original_method" })).ReadJsonAsync(HttpStatusCode.Created);
            await (await fixture.Admin().PostAsync($"/api/v1/admin/refunds/{refund.Id()}/complete", null)).ReadJsonAsync(HttpStatusCode.OK);
            orders.Add(paid.OrderId);
        }

        return [.. orders];
    }

    /// <summary>
    /// Moves the host's clock across <paramref name="length"/> in steps, draining after each (the retries that came due
    /// are tried and fail). From <paramref name="refuseAfter"/> on the ERP is stopped: connections refused instead of 503.
    /// </summary>
    protected async Task<int> OutageAsync(TimeSpan length, TimeSpan refuseAfter)
    {
        var passes = 0;
        var stopped = refuseAfter == TimeSpan.Zero;
        for (var elapsed = TimeSpan.Zero; elapsed < length; elapsed += Step)
        {
            if (!stopped && elapsed >= refuseAfter)
            {
                await fixture.StopErpAsync();
                stopped = true;
            }

            var pass = await fixture.DrainAsync();
            Assert.Equal(0, pass.Sent);
            fixture.Factory.Time.Advance(Step);
            passes++;
        }

        if (!stopped)
        {
            await fixture.StopErpAsync();
        }

        return passes;
    }

    /// <summary>Both services are back: the clock moves on past the longest backoff, draining as it goes.</summary>
    protected async Task RecoverAsync()
    {
        if (!fixture.ErpRunning)
        {
            await fixture.StartErpAsync();
        }

        fixture.StartSmtpIfStopped();
        for (var i = 0; i < 16 && await OpenAsync() > 0; i++)
        {
            fixture.Factory.Time.Advance(TimeSpan.FromMinutes(10));
            await fixture.DrainAsync();
        }

        Assert.Equal(0L, await OpenAsync());
    }

    private Task<long> OpenAsync() => fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE status NOT IN ('sent', 'skipped')");

    /// <summary>Every message sent, each ERP key recorded once, and per order the ERP saw the messages in write order.</summary>
    protected async Task AssertDeliveredInWriteOrderAsync(Guid[] orders)
    {
        await fixture.AssertErpDeliveredOnceAsync(fixture.Erp);
        var bySequence = fixture.Erp.Records.ToDictionary(r => Guid.Parse(r.IdempotencyKey), r => r.Sequence);
        foreach (var order in orders)
        {
            var written = await fixture.ScalarAsync<Guid[]>(
                "SELECT array_agg(id ORDER BY created_at, id) FROM webhooks_outbox WHERE destination = 'epicor_propello' AND entity_type = 'order' AND entity_id = @id",
                ("id", order));
            var types = await fixture.ScalarAsync<string[]>(
                "SELECT array_agg(event_type ORDER BY created_at, id) FROM webhooks_outbox WHERE destination = 'epicor_propello' AND entity_type = 'order' AND entity_id = @id",
                ("id", order));
            Assert.Equal(["sales_order.created", "payment.completed", "shipment.created", "credit_memo.created"], types);
            Assert.All(written, id => Assert.True(bySequence.ContainsKey(id), $"message {id} never reached the ERP"));
            Assert.Equal(written, written.OrderBy(id => bySequence[id]));
        }

        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE destination = 'internal_email' AND status <> 'sent'"));
    }
}

/// <summary>An hour of outage (12 retry windows of the drain): within the retry budget, nothing dies.</summary>
public sealed class LongOutageWithinBudgetTests(LongOutageFixture fixture) : LongOutageScenario(fixture), IClassFixture<LongOutageFixture>
{
    [Fact]
    public async Task Given_the_ERP_and_SMTP_down_for_an_hour_of_simulated_time_Then_messages_wait_none_dies_and_all_arrive_in_write_order()
    {
        Fixture.StopSmtp();
        Fixture.Erp.Enqueue(Enumerable.Range(0, 400).Select(_ => FakeFault.Answer(503)).ToArray());
        var orders = await OrdersWithHistoryAsync(3);

        var passes = await OutageAsync(TimeSpan.FromHours(1), refuseAfter: TimeSpan.FromMinutes(20));

        Assert.Equal(0L, await Fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE status = 'dead'"));
        Assert.True(await Fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_outbox WHERE destination = 'epicor_propello' AND status = 'failed' AND attempts >= 5") > 0, "the ERP messages were not retried");
        Assert.True(await Fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE destination = 'internal_email' AND status = 'failed'") > 0);

        await RecoverAsync();

        await AssertDeliveredInWriteOrderAsync(orders);
        Assert.Equal(12, passes);
    }
}

/// <summary>Eight hours of outage: beyond the retry budget, dead letters wait for an admin.</summary>
public sealed class LongOutageBeyondBudgetTests(LongOutageFixture fixture) : LongOutageScenario(fixture), IClassFixture<LongOutageFixture>
{
    [Fact]
    public async Task Given_the_ERP_and_SMTP_down_longer_than_the_retry_budget_Then_dead_letters_wait_and_an_admin_retry_delivers_them_in_order()
    {
        Fixture.StopSmtp();
        await Fixture.StopErpAsync();
        var orders = await OrdersWithHistoryAsync(2);

        await OutageAsync(TimeSpan.FromHours(8), refuseAfter: TimeSpan.Zero);

        var dead = await Fixture.ScalarAsync<Guid[]>("SELECT coalesce(array_agg(id ORDER BY created_at, id), '{}') FROM webhooks_outbox WHERE status = 'dead'");
        Assert.NotEmpty(dead);
        // The ERP keeps an entity's order: behind its dead head, the entity's later messages were never tried.
        Assert.Equal(0L, await Fixture.ScalarAsync<long>(
            """
            SELECT count(*) FROM webhooks_outbox o
             WHERE o.destination = 'epicor_propello' AND o.status = 'dead'
               AND EXISTS (SELECT 1 FROM webhooks_outbox p WHERE p.destination = o.destination AND p.entity_type = o.entity_type
                              AND p.entity_id = o.entity_id AND p.status = 'dead' AND (p.created_at, p.id) < (o.created_at, o.id))
            """));
        Assert.True(await Fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_outbox WHERE destination = 'epicor_propello' AND status = 'pending' AND attempts = 0") > 0);

        await Fixture.StartErpAsync();
        Fixture.StartSmtp();
        var admin = Fixture.Admin();
        foreach (var id in dead)
        {
            await (await admin.PostAsync($"/api/v1/admin/outbox/{id}/retry", null)).ReadJsonAsync(HttpStatusCode.OK);
        }

        await RecoverAsync();

        await AssertDeliveredInWriteOrderAsync(orders);
        Assert.Equal((long)dead.Length, await Fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE action = 'outbox.retried' AND resource_id = ANY(@ids)", ("ids", dead)));
    }
}
