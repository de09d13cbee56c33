using Hangfire;
using Hangfire.Common;
using SbbCommerce.Api.Common.Jobs;
using SbbCommerce.Api.Modules.Catalog.Jobs;

namespace SbbCommerce.UnitTests.Catalog.Jobs;

public sealed class CatalogJobScheduleTests
{
    [Fact]
    public void Given_the_catalog_schedule_When_registered_Then_the_current_batch_refresh_runs_daily_after_midnight_utc()
    {
        var manager = new RecordingManager();
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };

        new CatalogJobSchedule().Register(manager, utc);

        var (id, job, cron, options) = Assert.Single(manager.Added);
        Assert.Equal(RecurringJobIds.CatalogCurrentBatchRefresh, id);
        Assert.Equal("catalog-current-batch-refresh", id);
        Assert.Equal(typeof(CurrentBatchRefreshJob), job.Type);
        Assert.Equal(nameof(CurrentBatchRefreshJob.RunAsync), job.Method.Name);
        Assert.Equal("5 0 * * *", cron);
        Assert.Same(TimeZoneInfo.Utc, options.TimeZone);
    }

    private sealed class RecordingManager : IRecurringJobManager
    {
        public List<(string Id, Job Job, string Cron, RecurringJobOptions Options)> Added { get; } = [];

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) =>
            Added.Add((recurringJobId, job, cronExpression, options));

        public void Trigger(string recurringJobId) => throw new NotSupportedException();

        public void RemoveIfExists(string recurringJobId) => throw new NotSupportedException();
    }
}
