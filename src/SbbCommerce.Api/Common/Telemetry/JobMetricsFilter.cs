using System.Diagnostics;
using Hangfire.Server;

namespace SbbCommerce.Api.Common.Telemetry;

/// <summary>
/// Counts and times every job this host's Hangfire server performs (<c>sbb.jobs.runs</c>, <c>sbb.jobs.duration</c>),
/// tagged with the job class, so a stuck or failing recurring job shows in metrics. Added to this host's server
/// only (not Hangfire's global filters), so two hosts in one process each count their own runs.
/// </summary>
internal sealed class JobMetricsFilter(SbbMetrics metrics) : IServerFilter
{
    private const string StartedKey = "sbb.started";

    public void OnPerforming(PerformingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[StartedKey] = Stopwatch.GetTimestamp();
    }

    public void OnPerformed(PerformedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(StartedKey, out var started) && started is long timestamp)
        {
            var succeeded = context.Exception is null || context.ExceptionHandled;
            metrics.JobRun(JobName(context), succeeded, Stopwatch.GetElapsedTime(timestamp));
        }
    }

    /// <summary>The job's class (a handful of names, so a bounded tag), e.g. <c>OutboxDrainJob</c>.</summary>
    internal static string JobName(PerformContext context) => context.BackgroundJob.Job?.Type.Name ?? "unknown";
}
