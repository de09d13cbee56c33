using System.Diagnostics;
using SbbCommerce.Bench.Cli;
using SbbCommerce.Bench.Running.RawHttp;
using SbbCommerce.Bench.Scenarios;

namespace SbbCommerce.Bench.Running;

/// <summary>
/// Drives one scenario: a fixed number of workers, each sending its next request as soon as the previous one
/// finished (closed loop), through a warm-up and then a window bounded by time or by count. With
/// <see cref="BenchOptions.RequestsPerSecond"/> the requests follow a schedule instead (request n is due n / rate after
/// the start, whoever sends it), like many clients each sending at their own pace; a worker that falls behind sends at
/// once, so the concurrency still caps what is in flight. Scenarios whose requests are fixed bytes
/// (<see cref="IRawHttpScenario"/>) are sent by <see cref="RawHttpRunner"/> instead, with the same window and schedule.
/// </summary>
internal sealed class LoadRunner(HttpClient http, BenchOptions options, IScenario scenario)
{
    private long _measuredRequestsIssued;
    private int _workersAtTheirLimit;
    private long _scheduled;
    private long _startedAt;

    public async Task<RunResult> RunAsync(CancellationToken cancellationToken)
    {
        if (scenario is IRawHttpScenario raw)
        {
            return await new RawHttpRunner(options, raw).RunAsync(cancellationToken).ConfigureAwait(false);
        }

        var requestLimit = options.Requests ?? options.MaxRequests;
        var startedAt = _startedAt = Stopwatch.GetTimestamp();
        var measureFrom = startedAt + ToTimestampTicks(options.Warmup);
        var stopAt = measureFrom + ToTimestampTicks(options.Duration ?? options.MaxDuration);

        var recorders = new WorkerRecorder[options.Concurrency];
        var workers = new Task[options.Concurrency];
        for (var index = 0; index < workers.Length; index++)
        {
            var workerIndex = index;
            recorders[workerIndex] = new WorkerRecorder();

            // Task.Run so every worker starts at once instead of after the previous one's first await.
            workers[workerIndex] = Task.Run(
                () => RunWorkerAsync(workerIndex, recorders[workerIndex], measureFrom, stopAt, requestLimit, cancellationToken),
                CancellationToken.None);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        var measuredSeconds = Math.Max(0, Stopwatch.GetElapsedTime(measureFrom, Stopwatch.GetTimestamp()).TotalSeconds);
        return Summarize(scenario, options, recorders, measuredSeconds, StopReason(requestLimit, cancellationToken));
    }

    private async Task RunWorkerAsync(int workerIndex, WorkerRecorder recorder, long measureFrom, long stopAt, long requestLimit, CancellationToken cancellationToken)
    {
        var perWorkerLimit = options.MaxRequestsPerWorker ?? long.MaxValue;
        long measuredByThisWorker = 0;
        for (long iteration = 0; !cancellationToken.IsCancellationRequested; iteration++)
        {
            var (go, due) = await WaitForScheduleAsync(stopAt, cancellationToken).ConfigureAwait(false);
            if (!go)
            {
                return;
            }

            var now = Stopwatch.GetTimestamp();
            if (now >= stopAt)
            {
                return;
            }

            // A request belongs to the phase it started in; the count limits apply to measured requests only.
            var measured = now >= measureFrom;
            if (measured && measuredByThisWorker++ >= perWorkerLimit)
            {
                Interlocked.Increment(ref _workersAtTheirLimit);
                return;
            }

            if (measured && Interlocked.Increment(ref _measuredRequestsIssued) > requestLimit)
            {
                return;
            }

            using var request = scenario.CreateRequest(workerIndex, iteration);
            // On a schedule, latency counts from when the request was due: a wait for a free worker is the client's
            // wait too (otherwise a host that falls behind would hide it in the schedule).
            var sentAt = due ?? Stopwatch.GetTimestamp();
            try
            {
                // ResponseContentRead: the body is part of the request's cost, and HttpClient.Timeout then bounds
                // reading it too (with ResponseHeadersRead a stalled body could hold a worker past every limit).
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                await scenario.OnResponseAsync(workerIndex, response, cancellationToken).ConfigureAwait(false);
                var elapsed = Stopwatch.GetTimestamp() - sentAt;
                if (measured)
                {
                    recorder.RecordResponse(response.StatusCode, scenario.IsExpected(response.StatusCode), elapsed);
                }
                else
                {
                    recorder.RecordWarmup();
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: the interrupted request is neither a sample nor an error.
                return;
            }
#pragma warning disable CA1031 // Any failure of one request is a result to count (timeouts, resets), not a reason to stop the run.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                if (measured)
                {
                    recorder.RecordTransportError(exception);
                }
                else
                {
                    recorder.RecordWarmup();
                }
            }
        }
    }

    /// <summary>
    /// Waits until this worker's next scheduled request is due and says when that was (null without a schedule); not
    /// go when it falls past the window's end.
    /// </summary>
    private async Task<(bool Go, long? Due)> WaitForScheduleAsync(long stopAt, CancellationToken cancellationToken)
    {
        if (options.RequestsPerSecond is not { } rate)
        {
            return (true, null);
        }

        var slot = Interlocked.Increment(ref _scheduled) - 1;
        var due = _startedAt + (long)(slot * (Stopwatch.Frequency / rate));
        if (due >= stopAt)
        {
            return (false, null);
        }

        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
        if (wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return (false, null);
            }
        }

        return (true, due);
    }

    private string StopReason(long requestLimit, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return "cancelled";
        }

        var countReached = Interlocked.Read(ref _measuredRequestsIssued) > requestLimit
            || Volatile.Read(ref _workersAtTheirLimit) == options.Concurrency;
        return countReached ? (options.Requests is null && options.MaxRequestsPerWorker is null ? "request-cap" : "requests")
            : options.Duration is null ? "time-cap"
            : "duration";
    }

    /// <summary>The run's result from its recorders (one per worker; <see cref="RawHttp.RawHttpRunner"/> has one).</summary>
    internal static RunResult Summarize(
        IScenario scenario, BenchOptions options, IReadOnlyList<WorkerRecorder> recorders, double measuredSeconds, string stopReason)
    {
        var samples = new long[recorders.Sum(recorder => recorder.LatencyTimestampTicks.Count)];
        var offset = 0;
        var outcomes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var recorder in recorders)
        {
            foreach (var sample in recorder.LatencyTimestampTicks)
            {
                samples[offset++] = sample;
            }

            foreach (var (key, count) in recorder.Outcomes)
            {
                outcomes[key] = outcomes.GetValueOrDefault(key) + count;
            }
        }

        var transportErrors = recorders.Sum(recorder => recorder.TransportErrors);
        return new RunResult
        {
            Scenario = scenario.Name,
            Target = scenario.Target?.ToString(),
            Concurrency = options.Concurrency,
            WarmupSeconds = options.Warmup.TotalSeconds,
            MeasuredSeconds = Math.Round(measuredSeconds, 3),
            StopReason = stopReason,
            WarmupRequests = recorders.Sum(recorder => recorder.WarmupRequests),
            Requests = samples.Length + transportErrors,
            Responses = samples.Length,
            UnexpectedResponses = recorders.Sum(recorder => recorder.UnexpectedResponses),
            TransportErrors = transportErrors,
            ThroughputRps = measuredSeconds > 0 ? Math.Round(samples.Length / measuredSeconds, 1) : 0,
            LatencyMs = LatencySummary.FromTimestampTicks(samples),
            Outcomes = outcomes,
        };
    }

    private static long ToTimestampTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
