using System.Globalization;

namespace SbbCommerce.IntegrationTests.Events.Analytics;

/// <summary>Sends storefront events and reads the three reports, for the rollup tests.</summary>
internal sealed class RollupReports(ApiFixture fixture)
{
    public static object Event(string name, Guid? product = null, (string Source, string Medium, string Campaign)? utm = null) => new
    {
        eventName = name,
        eventCategory = name.Split('.')[0],
        sessionId = "roll",
        productId = product,
        utmSource = utm?.Source,
        utmMedium = utm?.Medium,
        utmCampaign = utm?.Campaign,
    };

    public async Task SendAsync(string anonymousId, params object[] events) =>
        await (await fixture.Visitor(anonymousId).SendAsync(new { events })).AcceptedAsync();

    /// <summary>What the triggers kept must be what a recomputation of every visitor from events gives.</summary>
    public async Task AssertRollupsEqualARecomputationAsync()
    {
        await fixture.ExecuteAsync("SELECT event_rollups_fold(1000000, true)");
        await fixture.ExecuteAsync("DROP TABLE IF EXISTS kept; CREATE TABLE kept AS SELECT * FROM event_visitors");
        await fixture.ExecuteAsync("SELECT event_visitors_refresh(ARRAY(SELECT visitor FROM event_visitors))");
        Assert.Equal(0L, await fixture.ScalarAsync<long>("""
            SELECT count(*) FROM ((SELECT * FROM kept EXCEPT SELECT * FROM event_visitors)
                                  UNION ALL (SELECT * FROM event_visitors EXCEPT SELECT * FROM kept)) differing
            """));
        Assert.True(await fixture.ScalarAsync<long>("SELECT count(*) FROM kept") > 0);
    }

    public async Task<List<string>> AttributionAsync(string range, string model)
    {
        var report = await AdminGetAsync($"/api/v1/admin/analytics/attribution?{range}&groupBy=source&model={model}");
        return report.GetProperty("rows").EnumerateArray().Select(r => string.Create(CultureInfo.InvariantCulture,
                $"{r.GetProperty("key").GetString() ?? "(none)"}|{r.GetProperty("visitors").GetInt64()}|{r.GetProperty("signups").GetInt64()}"))
            .ToList();
    }

    public async Task<List<long>> FunnelAsync(string range) =>
        (await AdminGetAsync($"/api/v1/admin/analytics/funnel?{range}")).GetProperty("steps").EnumerateArray()
            .Select(s => s.GetProperty("visitors").GetInt64()).ToList();

    public async Task<List<string>> ProductsAsync(string range) =>
        (await AdminGetAsync($"/api/v1/admin/analytics/products?{range}")).GetProperty("items").EnumerateArray()
            .Select(i => $"{i.GetProperty("productId").GetGuid()}|{i.GetProperty("views").GetInt64()}|{i.GetProperty("adds").GetInt64()}").ToList();

    private async Task<JsonElement> AdminGetAsync(string url)
    {
        var response = await fixture.CreateClient().WithBearer(fixture.AdminToken()).GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
