using Hangfire;
using Hangfire.Common;
using SbbCommerce.Api.Common.Jobs;
using SbbCommerce.Api.Modules.Events.Jobs;
using SbbCommerce.Api.Modules.Events.Retention;

namespace SbbCommerce.UnitTests.Events;

public sealed class EventsJobScheduleTests
{
    [Fact]
    public void Given_the_events_schedule_When_registered_Then_retention_runs_daily_at_four_utc()
    {
        var manager = new RecordingManager();
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };

        new EventsJobSchedule().Register(manager, utc);

        var (id, job, cron, options) = Assert.Single(manager.Added);
        Assert.Equal("events-retention", id);
        Assert.Equal(RecurringJobIds.EventsRetention, id);
        Assert.Equal(typeof(EventRetentionJob), job.Type);
        Assert.Equal("0 4 * * *", cron);
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
