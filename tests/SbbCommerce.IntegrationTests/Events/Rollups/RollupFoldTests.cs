using SbbCommerce.IntegrationTests.Events.Analytics;

namespace SbbCommerce.IntegrationTests.Events.Rollups;

/// <summary>A host whose background fold waits an hour: whatever reaches the rollups here, a report's catch-up folded.</summary>
public sealed class NoBackgroundFoldFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Events:RollupInterval"] = "01:00:00" };
}

/// <summary>
/// The rollups are folded after the write (migration 0097, ADR 0014): events wait in event_rollup_pending until a
/// fold takes them, and a report catches up first.
/// </summary>
public sealed class RollupFoldTests(NoBackgroundFoldFixture fixture) : IClassFixture<NoBackgroundFoldFixture>
{
    private readonly RollupReports _reports = new(fixture);

    [Fact]
    public async Task Given_anonymous_events_stitched_to_a_user_before_any_fold_When_a_report_catches_up_Then_it_counts_one_visitor_the_user()
    {
        var start = fixture.Factory.Time.GetUtcNow();
        var range = $"from={start.AddDays(-1):yyyy-MM-dd}&to={start.AddDays(1):yyyy-MM-dd}";
        var anonymousId = $"fold-stitch-{Guid.NewGuid():N}";
        await _reports.SendAsync(anonymousId, RollupReports.Event("page.view", utm: ("tiktok", "social", "viral")), RollupReports.Event("product.view", product: Guid.NewGuid()));
        Assert.Equal(2L, await PendingOfAsync(anonymousId));

        fixture.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var email = IdentityApi.NewEmail();
        var userId = (await fixture.CreateClient().RegisterAsync(email)).GetProperty("id").GetGuid();
        fixture.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await fixture.Visitor(anonymousId).SignInAsync(email);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM events WHERE anonymous_id = @anon AND user_id IS NULL", ("anon", anonymousId)));

        Assert.Equal(["tiktok|1|1"], await _reports.AttributionAsync(range, "first_touch"));
        Assert.Equal(0L, await PendingOfAsync(anonymousId));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM event_visitors WHERE visitor = @anon", ("anon", anonymousId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM event_visitors WHERE visitor = @user", ("user", userId.ToString())));
        await _reports.AssertRollupsEqualARecomputationAsync();
    }

    private Task<long> PendingOfAsync(string anonymousId) => fixture.ScalarAsync<long>(
        "SELECT count(*) FROM event_rollup_pending p JOIN events e ON e.id = p.id AND e.created_at = p.created_at WHERE e.anonymous_id = @anon",
        ("anon", anonymousId));
}

/// <summary>Product counters folded by a report's catch-up, exactly once (a class of its own: its visitor would count in the other's report).</summary>
public sealed class RollupFoldProductTests(NoBackgroundFoldFixture fixture) : IClassFixture<NoBackgroundFoldFixture>
{
    private readonly RollupReports _reports = new(fixture);

    [Fact]
    public async Task Given_product_events_not_yet_folded_When_the_products_report_is_read_Then_it_counts_them_once()
    {
        var start = fixture.Factory.Time.GetUtcNow();
        var range = $"from={start.AddDays(-1):yyyy-MM-dd}&to={start.AddDays(1):yyyy-MM-dd}";
        var product = Guid.NewGuid();
        var anonymousId = $"fold-products-{Guid.NewGuid():N}";
        await _reports.SendAsync(anonymousId, RollupReports.Event("product.view", product: product), RollupReports.Event("product.view", product: product),
            RollupReports.Event("cart.add", product: product));

        Assert.Equal((0L, 0L), await ProductDayAsync(product));
        await _reports.ProductsAsync(range);
        Assert.Equal((2L, 1L), await ProductDayAsync(product));
        await _reports.ProductsAsync(range);
        Assert.Equal((2L, 1L), await ProductDayAsync(product));
    }

    private async Task<(long Views, long Adds)> ProductDayAsync(Guid product) =>
        (await fixture.ScalarAsync<long>("SELECT coalesce(sum(views), 0)::bigint FROM event_product_days WHERE product_id = @p", ("p", product)),
         await fixture.ScalarAsync<long>("SELECT coalesce(sum(adds), 0)::bigint FROM event_product_days WHERE product_id = @p", ("p", product)));
}

/// <summary>The background fold of every host, with no report asking.</summary>
public sealed class BackgroundFoldTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_events_written_and_no_report_When_the_fold_interval_passes_Then_the_host_has_folded_them()
    {
        var anonymousId = $"fold-bg-{Guid.NewGuid():N}";
        var product = Guid.NewGuid();
        await new RollupReports(fixture).SendAsync(anonymousId, RollupReports.Event("product.view", product: product));

        // The loop folds every second (Events:RollupInterval); poll with a deadline, never a fixed sleep.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await fixture.ScalarAsync<long>("SELECT count(*) FROM event_visitors WHERE visitor = @v", ("v", anonymousId)) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM event_visitors WHERE visitor = @v", ("v", anonymousId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT coalesce(sum(views), 0)::bigint FROM event_product_days WHERE product_id = @p", ("p", product)));
    }
}
