using System.Diagnostics;

namespace SbbCommerce.Bench.Running;

/// <summary>Latency distribution of the measured responses, in milliseconds.</summary>
internal sealed record LatencySummary(double Min, double Mean, double P50, double P90, double P95, double P99, double Max)
{
    /// <summary>Summarizes Stopwatch-tick samples; null when there are none (every request failed).</summary>
    public static LatencySummary? FromTimestampTicks(long[] samples)
    {
        if (samples.Length == 0)
        {
            return null;
        }

        Array.Sort(samples);
        double sum = 0;
        foreach (var sample in samples)
        {
            sum += sample;
        }

        return new LatencySummary(
            ToMilliseconds(samples[0]),
            ToMilliseconds(sum / samples.Length),
            ToMilliseconds(Percentile(samples, 50)),
            ToMilliseconds(Percentile(samples, 90)),
            ToMilliseconds(Percentile(samples, 95)),
            ToMilliseconds(Percentile(samples, 99)),
            ToMilliseconds(samples[^1]));
    }

    /// <summary>Summarizes samples already in milliseconds (outbox lag read from the database); null when none.</summary>
    public static LatencySummary? FromMilliseconds(double[] samples) =>
        FromTimestampTicks(samples.Select(ms => (long)Math.Round(ms * Stopwatch.Frequency / 1000)).ToArray());

    // Nearest-rank: the smallest sample with at least p% of the samples at or below it (no interpolation).
    private static long Percentile(long[] sorted, double percent)
    {
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static double ToMilliseconds(double timestampTicks) => Math.Round(timestampTicks * 1000 / Stopwatch.Frequency, 3);
}
