namespace SbbCommerce.IntegrationTests.Events.Analytics;

/// <summary>Stitching after the fact: a login that gives an anonymous visitor's events to the user merges the two in the rollups.</summary>
public sealed class AnalyticsStitchingTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly RollupReports _reports = new(fixture);

    [Fact]
    public async Task Given_an_anonymous_visitor_who_signs_up_When_they_log_in_with_that_id_Then_the_reports_count_one_visitor_with_the_anonymous_first_touch()
    {
        var start = fixture.Factory.Time.GetUtcNow();
        var range = $"from={start.AddDays(-1):yyyy-MM-dd}&to={start.AddDays(1):yyyy-MM-dd}";
        var anonymousId = $"roll-stitch-{Guid.NewGuid():N}";
        var product = Guid.NewGuid();
        await _reports.SendAsync(anonymousId, RollupReports.Event("page.view", utm: ("tiktok", "social", "viral")), RollupReports.Event("product.view", product: product));
        fixture.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var email = IdentityApi.NewEmail();
        var userId = (await fixture.CreateClient().RegisterAsync(email)).GetProperty("id").GetGuid();
        // Two visitors so far: the anonymous one (tiktok) and the user who signed up (no UTM).
        Assert.Equal(["(none)|1|1", "tiktok|1|0"], await _reports.AttributionAsync(range, "first_touch"));

        fixture.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var session = await fixture.Visitor(anonymousId).SignInAsync(email);
        fixture.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await (await fixture.Authorized(session).SendAsync(new { events = new[] { RollupReports.Event("cart.add", product: product) } })).AcceptedAsync();

        // One visitor: the user, with the stitched anonymous events (first touch tiktok), who signed up, viewed the product
        // before logging in and added it after.
        Assert.Equal(["tiktok|1|1"], await _reports.AttributionAsync(range, "first_touch"));
        Assert.Equal([1L, 1L, 0L, 0L, 0L], await _reports.FunnelAsync(range));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM event_visitors WHERE visitor = @anon", ("anon", anonymousId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM event_visitors WHERE visitor = @user", ("user", userId.ToString())));
        await _reports.AssertRollupsEqualARecomputationAsync();
    }
}
