namespace SbbCommerce.IntegrationTests.Events.Analytics;

/// <summary>
/// The reports read rollups that every write to events keeps (migration 0090). Here the events go through the ingest's
/// COPY path a minute apart on the fake clock (each visitor's rollup is extended in place), plus one back-dated row
/// (its visitor is recomputed from events); the reports must give the figures worked out by hand from the events
/// sent, and the rollups what a recomputation from scratch gives.
/// </summary>
public sealed class AnalyticsRollupTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly RollupReports _reports = new(fixture);

    [Fact]
    public async Task Given_events_ingested_over_several_batches_and_one_back_dated_When_reports_are_read_Then_they_are_the_hand_computed_ones()
    {
        var (p1, p2) = (Guid.NewGuid(), Guid.NewGuid());
        var (v1, v2, v3) = ($"roll-1-{Guid.NewGuid():N}", $"roll-2-{Guid.NewGuid():N}", $"roll-3-{Guid.NewGuid():N}");
        var start = fixture.Factory.Time.GetUtcNow();

        // Minute 0. V1: tiktok page view, views p1. V2: google, views p1. V3: adds p2 before viewing it.
        await _reports.SendAsync(v1, RollupReports.Event("page.view", utm: ("tiktok", "social", "viral")), RollupReports.Event("product.view", product: p1));
        await _reports.SendAsync(v2, RollupReports.Event("product.view", product: p1, utm: ("google", "cpc", "brand")));
        await _reports.SendAsync(v3, RollupReports.Event("cart.add", product: p2));
        fixture.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        // Minute 1. V1: adds p1, then an instagram page view (its last touch), signs up. V3: views p2 (after its add).
        await _reports.SendAsync(v1, RollupReports.Event("cart.add", product: p1), RollupReports.Event("page.view", utm: ("instagram", "social", "story")), RollupReports.Event("user.signup.completed"));
        await _reports.SendAsync(v3, RollupReports.Event("product.view", product: p2));
        fixture.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        // Minute 2. V1 starts and completes checkout (one batch, one timestamp). V2 adds p1.
        await _reports.SendAsync(v1, RollupReports.Event("checkout.started"), RollupReports.Event("checkout.completed"));
        await _reports.SendAsync(v2, RollupReports.Event("cart.add", product: p1));
        // Back-dated by ten minutes: V2 had seen p2 first, from a facebook link; V2's first touch becomes facebook.
        await fixture.ExecuteAsync("""
            INSERT INTO events (event_name, event_category, anonymous_id, session_id, product_id, utm_source, utm_medium, utm_campaign, created_at)
            VALUES ('product.view', 'product', @anon, 'roll', @product, 'facebook', 'social', 'ad', @at)
            """, ("anon", v2), ("product", p2), ("at", start - TimeSpan.FromMinutes(10)));

        var range = $"from={start.AddDays(-1):yyyy-MM-dd}&to={start.AddDays(1):yyyy-MM-dd}";
        // First touch: V1 tiktok (signed up), V2 facebook (the back-dated view), V3 none. Last touch: V1 instagram, V2 google.
        Assert.Equal(["(none)|1|0", "facebook|1|0", "tiktok|1|1"], await _reports.AttributionAsync(range, "first_touch"));
        Assert.Equal(["(none)|1|0", "google|1|0", "instagram|1|1"], await _reports.AttributionAsync(range, "last_touch"));
        // Views: V1, V2, V3. Adds after the view: V1, V2 (V3 added before). Checkout started and completed: V1. Paid: none.
        Assert.Equal([3L, 2L, 1L, 1L, 0L], await _reports.FunnelAsync(range));
        // p1: viewed by V1 and V2, added by V1 and V2. p2: viewed by V3 and V2 (back-dated), added by V3.
        Assert.Equal(new[] { $"{p1}|2|2", $"{p2}|2|1" }.Order(StringComparer.Ordinal), (await _reports.ProductsAsync(range)).Order(StringComparer.Ordinal));
        await _reports.AssertRollupsEqualARecomputationAsync();
    }
}
