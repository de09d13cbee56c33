using Hangfire;

namespace SbbCommerce.Api.Common.Jobs;

/// <summary>
/// A module's recurring jobs (ids from <see cref="RecurringJobIds"/>, schedules in UTC). Modules register an
/// implementation; the job host adds them all at start, so Common names no module job.
/// </summary>
internal interface IRecurringJobSchedule
{
    void Register(IRecurringJobManager manager, RecurringJobOptions utc);
}
