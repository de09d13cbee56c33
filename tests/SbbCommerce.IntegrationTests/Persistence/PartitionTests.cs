using SbbCommerce.Api.Common.Jobs;

namespace SbbCommerce.IntegrationTests.Persistence;

/// <summary>events and audit_logs: monthly partitions ahead, and a default partition so no insert fails.</summary>
public sealed class PartitionTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("events")]
    [InlineData("audit_logs")]
    public async Task Given_a_migrated_database_Then_this_month_and_three_ahead_have_partitions(string table)
    {
        var start = new DateTime(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var month = 0; month <= PartitionMaintenanceJob.MonthsAhead; month++)
        {
            var name = $"{table}_y{start.AddMonths(month):yyyy}m{start.AddMonths(month):MM}";
            Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE c.relname = @name", ("name", name)));
        }
    }

    [Fact]
    public async Task Given_a_month_without_partition_When_inserting_Then_the_default_partition_takes_it_and_maintenance_moves_it()
    {
        var farFuture = new DateTimeOffset(DateTime.UtcNow.Year + 5, 6, 15, 0, 0, 0, TimeSpan.Zero);
        await fixture.ExecuteAsync(
            "INSERT INTO events (event_name, event_category, anonymous_id, session_id, created_at) VALUES ('page.view', 'page', 'visitor-1', 's1', @at)",
            ("at", farFuture));
        Assert.Equal("events_default", await fixture.ScalarAsync<string>("SELECT tableoid::regclass::text FROM events WHERE anonymous_id = 'visitor-1'"));

        var monthsAhead = ((farFuture.Year - DateTime.UtcNow.Year) * 12) + farFuture.Month - DateTime.UtcNow.Month;
        await fixture.ScalarAsync<int>("SELECT ensure_monthly_partitions('events', @months)", ("months", monthsAhead));

        Assert.Equal($"events_y{farFuture:yyyy}m06", await fixture.ScalarAsync<string>("SELECT tableoid::regclass::text FROM events WHERE anonymous_id = 'visitor-1'"));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM events_default"));
    }

    [Fact]
    public async Task Given_existing_partitions_When_the_maintenance_job_runs_twice_Then_nothing_more_is_created()
    {
        await using var scope = fixture.CreateScope();
        var job = scope.ServiceProvider.GetRequiredService<PartitionMaintenanceJob>();

        await job.RunAsync(CancellationToken.None);
        var second = await job.RunAsync(CancellationToken.None);

        Assert.Equal(0, second);
    }
}
