using SbbCommerce.Api.Modules.Events.Retention;

namespace SbbCommerce.IntegrationTests.Events.Retention;

public sealed class RetentionFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Events:RetentionMonths"] = "3" };
}

public sealed class RetentionTests(RetentionFixture fixture) : IClassFixture<RetentionFixture>
{
    [Fact]
    public async Task Given_three_months_retention_When_the_clock_is_six_months_on_Then_the_partitions_of_months_wholly_before_the_cutoff_are_dropped()
    {
        // The migration made partitions for the database's current month (m0) and three ahead (m1..m3).
        var m0 = new DateTimeOffset(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var (at, anonymousId) in new[] { (m0.AddDays(3), "keep-none-m0"), (m0.AddMonths(2).AddDays(27), "keep-none-m2"),
            (m0.AddMonths(3), "kept-m3"), (m0.AddMonths(-30), "stray-old"), (m0.AddYears(6), "stray-future") })
        {
            await fixture.ExecuteAsync(
                "INSERT INTO events (event_name, event_category, anonymous_id, session_id, created_at) VALUES ('page.view', 'page', @anon, 'retention', @at)",
                ("anon", anonymousId), ("at", at));
        }

        // Six months on, three months kept: the cut-off is the start of m3, so m0, m1 and m2 go and m3 stays.
        fixture.Factory.Time.SetUtcNow(m0.AddMonths(6).AddDays(10));
        await using var scope = fixture.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<EventRetentionJob>();
        var dropped = await job.RunAsync(CancellationToken.None);

        Assert.Equal([Name(m0), Name(m0.AddMonths(1)), Name(m0.AddMonths(2))], dropped);
        Assert.Equal("kept-m3,stray-future", await fixture.ScalarAsync<string>(
            "SELECT string_agg(anonymous_id, ',' ORDER BY anonymous_id) FROM events WHERE session_id = 'retention'"));
        Assert.Equal(0L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM pg_class WHERE relname = ANY(@names)", ("names", dropped.ToArray())));
        Assert.Equal(Name(m0.AddMonths(3)), await fixture.ScalarAsync<string>(
            "SELECT tableoid::regclass::text FROM events WHERE anonymous_id = 'kept-m3'"));
        Assert.Empty(await job.RunAsync(CancellationToken.None));
    }

    private static string Name(DateTimeOffset month) => $"events_y{month:yyyy}m{month:MM}";
}
