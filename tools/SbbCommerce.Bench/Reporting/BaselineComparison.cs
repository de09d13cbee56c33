using SbbCommerce.Bench.Running;

namespace SbbCommerce.Bench.Reporting;

/// <summary>
/// The scenario relative to the machine's ceiling. ThroughputRatio = scenario / baseline (1.0 = as fast as raw
/// Npgsql behind slim Kestrel); latency ratios = scenario / baseline (higher is slower). Null when undefined.
/// </summary>
internal sealed record BaselineComparison(double? ThroughputRatio, double? P50Ratio, double? P99Ratio)
{
    public static BaselineComparison Compare(RunResult scenario, RunResult baseline) => new(
        Ratio(scenario.ThroughputRps, baseline.ThroughputRps),
        Ratio(scenario.LatencyMs?.P50, baseline.LatencyMs?.P50),
        Ratio(scenario.LatencyMs?.P99, baseline.LatencyMs?.P99));

    private static double? Ratio(double? numerator, double? denominator) =>
        numerator is { } top && denominator is { } bottom && bottom > 0 ? Math.Round(top / bottom, 3) : null;
}
