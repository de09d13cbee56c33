using SbbCommerce.Api.Common.Http;
using SbbCommerce.IntegrationTests.Events.Analytics;

namespace SbbCommerce.IntegrationTests.Events.Rollups;

/// <summary>A host whose background fold looks every 100 ms and steps aside for checkouts for up to an hour.</summary>
public sealed class DeferredFoldFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Events:RollupInterval"] = "00:00:00.100",
        ["Events:RollupMaxDeferral"] = "01:00:00",
    };
}

/// <summary>The fold steps aside while checkouts are at work (Events:RollupMaxDeferral) without costing a report anything.</summary>
public sealed class RollupDeferralTests(DeferredFoldFixture fixture) : IClassFixture<DeferredFoldFixture>
{
    [Fact]
    public async Task Given_checkouts_at_work_When_a_report_is_read_Then_it_counts_the_events_the_fold_deferred()
    {
        var start = fixture.Factory.Time.GetUtcNow();
        var range = $"from={start.AddDays(-1):yyyy-MM-dd}&to={start.AddDays(1):yyyy-MM-dd}";
        var product = Guid.NewGuid();
        var reports = new RollupReports(fixture);
        using (fixture.Factory.Services.GetRequiredService<ForegroundWork>().Enter())
        {
            await reports.SendAsync($"deferred-{Guid.NewGuid():N}", RollupReports.Event("product.view", product: product));

            var rows = await reports.ProductsAsync(range);

            Assert.Contains($"{product}|1|0", rows);
        }
    }

    [Fact]
    public async Task Given_the_fold_deferred_When_the_checkouts_are_answered_Then_the_background_fold_takes_the_events()
    {
        var visitor = $"deferred-{Guid.NewGuid():N}";
        using (fixture.Factory.Services.GetRequiredService<ForegroundWork>().Enter())
        {
            await new RollupReports(fixture).SendAsync(visitor, RollupReports.Event("page.view"));
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await VisitorRowsAsync(visitor) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1L, await VisitorRowsAsync(visitor));
    }

    private Task<long> VisitorRowsAsync(string visitor) =>
        fixture.ScalarAsync<long>("SELECT count(*) FROM event_visitors WHERE visitor = @v", ("v", visitor));
}
