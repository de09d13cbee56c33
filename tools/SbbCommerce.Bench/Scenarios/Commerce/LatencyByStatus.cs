using System.Diagnostics;
using System.Globalization;
using SbbCommerce.Bench.Running;

namespace SbbCommerce.Bench.Scenarios.Commerce;

/// <summary>
/// Latency per status code, for scenarios whose answers differ in kind (a flash sale's 201s and sold-out 422s).
/// A worker has one request in flight, so each worker's clock and samples are its own: no locks. Started in
/// CreateRequest, stopped in OnResponseAsync: the harness's own figure (send to body read) minus the request's
/// construction and the scenario's response handling, i.e. within microseconds of it.
/// </summary>
internal sealed class LatencyByStatus(int workers)
{
    private readonly long[] _sentAt = new long[workers];
    private readonly Dictionary<int, List<long>>[] _samples = Enumerable.Range(0, workers).Select(_ => new Dictionary<int, List<long>>()).ToArray();

    public void Start(int workerIndex) => _sentAt[workerIndex] = Stopwatch.GetTimestamp();

    public void Stop(int workerIndex, int statusCode)
    {
        var elapsed = Stopwatch.GetTimestamp() - _sentAt[workerIndex];
        var samples = _samples[workerIndex];
        if (!samples.TryGetValue(statusCode, out var list))
        {
            samples[statusCode] = list = [];
        }

        list.Add(elapsed);
    }

    /// <summary>Call after the run: the summary of each status seen.</summary>
    public SortedDictionary<int, LatencySummary> Summaries()
    {
        var merged = new SortedDictionary<int, List<long>>();
        foreach (var (status, samples) in _samples.SelectMany(worker => worker))
        {
            if (!merged.TryGetValue(status, out var list))
            {
                merged[status] = list = [];
            }

            list.AddRange(samples);
        }

        var summaries = new SortedDictionary<int, LatencySummary>();
        foreach (var (status, samples) in merged)
        {
            summaries[status] = LatencySummary.FromTimestampTicks([.. samples])!;
        }

        return summaries;
    }

    /// <summary>Adds latency{status}P50Ms, latency{status}P99Ms and latency{status}MaxMs to the figures.</summary>
    public void Report(ScenarioFigures figures)
    {
        foreach (var (status, summary) in Summaries())
        {
            var code = status.ToString(CultureInfo.InvariantCulture);
            figures.Set($"latency{code}P50Ms", summary.P50);
            figures.Set($"latency{code}P99Ms", summary.P99);
            figures.Set($"latency{code}MaxMs", summary.Max);
        }
    }
}
