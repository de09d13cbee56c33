using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SbbCommerce.Api.Common.Telemetry;
using SbbCommerce.IntegrationTests.Events;
using SbbCommerce.IntegrationTests.Integration.Outbox;

namespace SbbCommerce.IntegrationTests.Common.Telemetry;

/// <summary>
/// The business meter as an operator reads it, measured with MetricCollector on this host's own meter factory
/// (other test hosts in the process have theirs, so nothing leaks in). No exporter is configured here: the
/// instruments exist and count whether or not OpenTelemetry is on.
/// </summary>
public sealed class BusinessMetricsTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private IMeterFactory Meters => fixture.Factory.Services.GetRequiredService<IMeterFactory>();

    [Fact]
    public async Task Given_one_unit_of_stock_When_three_buyers_check_out_and_one_forgets_compliance_Then_placed_refused_and_sold_out_are_counted()
    {
        using var placed = new MetricCollector<long>(Meters, SbbMetrics.MeterName, "sbb.checkouts.placed");
        using var refused = new MetricCollector<long>(Meters, SbbMetrics.MeterName, "sbb.checkouts.refused");
        using var soldOut = new MetricCollector<long>(Meters, SbbMetrics.MeterName, "sbb.checkouts.sold_out");
        var product = await fixture.ProductAsync(onHand: 1);
        var (winner, winnerClient) = await fixture.BuyerWithCartAsync(product);
        var (late, lateClient) = await fixture.BuyerWithCartAsync(product);
        var (later, laterClient) = await fixture.BuyerWithCartAsync(product);
        var (careless, carelessClient) = await fixture.BuyerWithCartAsync(await fixture.ProductAsync());

        Assert.Equal(HttpStatusCode.Created, (await winnerClient.CheckoutAsync(OrdersApi.Checkout(winner))).StatusCode);
        await (await lateClient.CheckoutAsync(OrdersApi.Checkout(late))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "insufficient_stock");
        await (await laterClient.CheckoutAsync(OrdersApi.Checkout(later))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "insufficient_stock");
        await (await carelessClient.CheckoutAsync(OrdersApi.Checkout(careless, acknowledged: false)))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "compliance_not_acknowledged");

        Assert.Equal(1, placed.GetMeasurementSnapshot().EvaluateAsCounter());
        var byCode = refused.GetMeasurementSnapshot().GroupBy(m => (string)m.Tags["code"]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(2, byCode["insufficient_stock"]);
        Assert.Equal(1, byCode["compliance_not_acknowledged"]);
        // The first loser is refused by the database (stock), the next one by this host's memory of it (gate).
        var bySource = soldOut.GetMeasurementSnapshot().GroupBy(m => (string)m.Tags["source"]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(1, bySource["stock"]);
        Assert.Equal(1, bySource["gate"]);
    }

    [Fact]
    public async Task Given_storefront_events_When_they_are_ingested_Then_the_accepted_counter_counts_each_event()
    {
        using var accepted = new MetricCollector<long>(Meters, SbbMetrics.MeterName, "sbb.events.accepted");
        var session = EventsApi.NewSession();

        var response = await EventsApi.Visitor(fixture, $"visitor-{Guid.NewGuid():N}").SendAsync(new
        {
            events = new[] { EventsApi.PageView(session), EventsApi.PageView(session), EventsApi.PageView(session) },
        });

        await response.AcceptedAsync();
        Assert.Equal(3, accepted.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [Fact]
    public async Task Given_a_waiting_payment_and_outbox_backlog_When_the_gauges_are_observed_Then_they_report_the_database()
    {
        var submitted = await fixture.SubmittedAsync();
        var now = fixture.Factory.Time.GetUtcNow();
        await fixture.ExecuteAsync("UPDATE payments SET updated_at = @at WHERE id = @id", ("at", now.AddMinutes(-10)), ("id", submitted.PaymentId));
        await OutboxRows.SettleAllAsync(fixture);
        await InsertOutboxAsync("pending", createdAt: now.AddSeconds(-120), due: now.AddSeconds(-60));
        await InsertOutboxAsync("pending", createdAt: now.AddSeconds(-30), due: now.AddHours(1)); // waits for its retry: not lag
        await InsertOutboxAsync("dead", createdAt: now.AddHours(-2), due: now.AddHours(-2));
        var waiting = await fixture.ScalarAsync<long>("SELECT count(*) FROM payments WHERE status = 'awaiting_verification'");
        fixture.Factory.Time.Advance(OperationalGauges.CacheFor); // whatever an earlier observation cached is now stale

        var gauges = await ObserveAsync(
            // A read from before this test's rows may answer first (another host's exporter observes every meter): wait for ours.
            values => values.GetValueOrDefault("sbb.payments.awaiting_verification") == waiting && values.GetValueOrDefault("sbb.outbox.dead/epicor_propello") == 1,
            "sbb.payments.awaiting_verification", "sbb.payments.awaiting_verification.oldest_age", "sbb.outbox.pending", "sbb.outbox.dead", "sbb.outbox.lag");

        Assert.True(waiting >= 1);
        Assert.Equal(waiting, gauges["sbb.payments.awaiting_verification"]);
        Assert.True(gauges["sbb.payments.awaiting_verification.oldest_age"] >= 600, "the oldest waits at least as long as ours");
        Assert.Equal(2, gauges["sbb.outbox.pending/epicor_propello"]);
        Assert.Equal(1, gauges["sbb.outbox.dead/epicor_propello"]);
        Assert.InRange(gauges["sbb.outbox.lag/epicor_propello"], 120 + OperationalGauges.CacheFor.TotalSeconds, 125 + OperationalGauges.CacheFor.TotalSeconds);
        Assert.Equal(0, gauges["sbb.outbox.pending/internal_email"]);
    }

    /// <summary>Observes the gauges until <paramref name="ready"/> holds (the first observation starts a background read).</summary>
    private async Task<Dictionary<string, double>> ObserveAsync(Func<Dictionary<string, double>, bool> ready, params string[] instruments)
    {
        var collectors = instruments.Select(name => new MetricCollector<double>(Meters, SbbMetrics.MeterName, name)).ToList();
        try
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                var values = new Dictionary<string, double>(StringComparer.Ordinal);
                foreach (var collector in collectors)
                {
                    collector.RecordObservableInstruments();
                    foreach (var measurement in collector.GetMeasurementSnapshot(clear: true))
                    {
                        var tag = measurement.Tags.Values.FirstOrDefault();
                        values[tag is null ? collector.Instrument!.Name : $"{collector.Instrument!.Name}/{tag}"] = measurement.Value;
                    }
                }

                if (ready(values) || clock.Elapsed > Deadline)
                {
                    return values;
                }

                await Task.Yield();
            }
        }
        finally
        {
            collectors.ForEach(c => c.Dispose());
        }
    }

    private Task<int> InsertOutboxAsync(string status, DateTimeOffset createdAt, DateTimeOffset due) => fixture.ExecuteAsync(
        """
        INSERT INTO webhooks_outbox (destination, event_type, payload, status, max_attempts, entity_type, entity_id, scheduled_for, created_at)
        VALUES ('epicor_propello', 'item.upsert', '{}', @status, 12, 'product', gen_random_uuid(), @due, @created)
        """,
        ("status", status), ("due", due.UtcDateTime), ("created", createdAt.UtcDateTime));
}
