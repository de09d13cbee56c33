using System.Globalization;
using SbbCommerce.Api.Modules.Integration.Outbox;

namespace SbbCommerce.IntegrationTests.Integration.Outbox;

/// <summary>Two drains (as two hosts would) over one outbox: every message once, each entity's messages in order.</summary>
public sealed class OutboxRaceTests(OutboxRaceTests.SmallBatchFixture fixture) : IClassFixture<OutboxRaceTests.SmallBatchFixture>
{
    private const int Entities = 100;
    private const int MessagesPerEntity = 10;
    private static readonly TimeSpan DrainDeadline = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Given_1000_messages_of_100_entities_When_two_drains_race_Then_each_is_delivered_once_and_in_order_per_entity()
    {
        await OutboxRows.SettleAllAsync(fixture);
        var products = Enumerable.Range(0, Entities).Select(_ => Guid.NewGuid()).ToList();
        var now = fixture.Factory.Time.GetUtcNow();
        for (var version = 0; version < MessagesPerEntity; version++)
        {
            foreach (var (product, index) in products.Select((p, i) => (p, i)))
            {
                await OutboxRows.InsertItemUpsertAsync(fixture, $"RACE-{index}", product, now, name: $"v{version}");
            }
        }

        var passes = await Task.WhenAll(DrainLoopAsync(), DrainLoopAsync());

        Assert.All(passes, claimed => Assert.True(claimed > 0, "both drains took part"));
        Assert.Equal(Entities * MessagesPerEntity, passes.Sum());
        Assert.Equal(0, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE status <> 'sent'"));
        var records = fixture.Erp.RecordsOf("item").Where(r => r.Path.StartsWith("/items/RACE-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Entities * MessagesPerEntity, records.Count);
        Assert.Equal(0, fixture.Erp.Replays);
        foreach (var entity in records.GroupBy(r => r.Path))
        {
            var versions = entity.OrderBy(r => r.Sequence).Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("name").GetString()).ToList();
            Assert.Equal(Enumerable.Range(0, MessagesPerEntity).Select(v => $"v{v}"), versions);
        }
    }

    /// <summary>
    /// Batches smaller than the 100 entity heads: both drains hold heads at the same time. With the default batch (500)
    /// one pass claimed every head, the other drain found none until that pass committed, and on a busy machine it could
    /// lose every one of the ten rounds that follow (the test then failed "both drains took part" without a race).
    /// </summary>
    public sealed class SmallBatchFixture : ErpFixture
    {
        public const int BatchSize = 20;

        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?>(base.Settings) { ["Outbox:BatchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture) };
    }

    private async Task<int> DrainLoopAsync()
    {
        var claimed = 0;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            // A failed send is rescheduled ahead on the fake clock and would keep both loops claiming nothing forever.
            Assert.True(clock.Elapsed < DrainDeadline, $"the outbox was not drained within {DrainDeadline}");
            await using var scope = fixture.CreateScope();
            var pass = await scope.ServiceProvider.GetRequiredService<OutboxDrain>().RunOnceAsync(CancellationToken.None);
            if (pass.Claimed == 0 && await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE status IN ('pending', 'failed')") == 0)
            {
                return claimed;
            }

            claimed += pass.Claimed;
        }
    }
}
