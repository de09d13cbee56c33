using System.Diagnostics.Metrics;
using Hangfire;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SbbCommerce.Api.Common.Jobs;
using SbbCommerce.Api.Common.Telemetry;

namespace SbbCommerce.IntegrationTests.Common.Telemetry;

/// <summary>A host that runs jobs counts and times each run through its Hangfire server filter.</summary>
public sealed class JobMetricsTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Given_a_job_server_When_a_job_runs_Then_its_run_and_duration_are_recorded_under_its_name()
    {
        await using var host = new SbbApiFactory(await TestDatabases.CreateAsync(), new Dictionary<string, string?>
        {
            ["Hangfire:ServerEnabled"] = "true",
            ["Hangfire:WorkerCount"] = "1",
            ["Outbox:DispatcherEnabled"] = "false",
        });
        _ = host.Server;
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var runs = new MetricCollector<long>(meters, SbbMetrics.MeterName, "sbb.jobs.runs");
        using var durations = new MetricCollector<double>(meters, SbbMetrics.MeterName, "sbb.jobs.duration");

        var clock = Stopwatch.StartNew();
        host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<IdempotencyKeyCleanupJob>(job => job.RunAsync(CancellationToken.None));
        // The run is counted a moment before its duration is recorded: wait for both.
        while (!(runs.GetMeasurementSnapshot().Any(IsCleanup) && durations.GetMeasurementSnapshot().Any(IsCleanupDuration)) && clock.Elapsed < Deadline)
        {
            await Task.Yield();
        }

        var run = Assert.Single(runs.GetMeasurementSnapshot(), IsCleanup);
        Assert.Equal(1, run.Value);
        Assert.Equal("succeeded", run.Tags["outcome"]);
        var duration = Assert.Single(durations.GetMeasurementSnapshot(), IsCleanupDuration);
        Assert.True(duration.Value > 0);
    }

    private static bool IsCleanup(CollectedMeasurement<long> measurement) => (string?)measurement.Tags["job"] == nameof(IdempotencyKeyCleanupJob);

    private static bool IsCleanupDuration(CollectedMeasurement<double> measurement) => (string?)measurement.Tags["job"] == nameof(IdempotencyKeyCleanupJob);
}
