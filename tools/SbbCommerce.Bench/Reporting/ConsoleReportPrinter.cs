using System.Globalization;
using System.Text;
using SbbCommerce.Bench.Running;

namespace SbbCommerce.Bench.Reporting;

/// <summary>The human summary on stdout: one table row per run, then the ratio and the details.</summary>
internal static class ConsoleReportPrinter
{
    private static readonly CompositeFormat RowFormat = CompositeFormat.Parse("{0,-14} {1,10} {2,11} {3,8} {4,8} {5,8} {6,8} {7,10} {8,8}  {9}");

    public static void Print(BenchReport report, string? resultPath, TextWriter output)
    {
        var settings = report.Settings;
        var bound = settings.Requests is { } requests ? $"{requests} requests" : $"{settings.DurationSeconds:0.#} s";
        output.WriteLine($"SbbCommerce.Bench · {report.Scenario} · concurrency {settings.Concurrency} · {bound} after {settings.WarmupSeconds:0.#} s warm-up · {report.Machine.ProcessorCount} CPUs");
        output.WriteLine();
        output.WriteLine(Row("scenario", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "unexpected", "errors", "stop"));

        var runs = new[] { report.Result, report.Baseline }.OfType<RunResult>().ToList();
        foreach (var run in runs)
        {
            output.WriteLine(Row(
                run.Scenario,
                Number(run.Requests),
                run.ThroughputRps.ToString("0.0", CultureInfo.InvariantCulture),
                Milliseconds(run.LatencyMs?.P50),
                Milliseconds(run.LatencyMs?.P95),
                Milliseconds(run.LatencyMs?.P99),
                Milliseconds(run.LatencyMs?.Max),
                Number(run.UnexpectedResponses),
                Number(run.TransportErrors),
                run.StopReason));
        }

        output.WriteLine();
        if (report.Comparison is { } comparison)
        {
            output.WriteLine($"ratio {report.Scenario}/baseline: throughput {Ratio(comparison.ThroughputRatio)} · p50 {Ratio(comparison.P50Ratio)} · p99 {Ratio(comparison.P99Ratio)}");
        }

        if (report.BaselineError is { } baselineError)
        {
            output.WriteLine($"baseline: not measured ({baselineError})");
        }

        foreach (var run in runs)
        {
            PrintDetails(run, output);
        }

        if (resultPath is not null)
        {
            output.WriteLine($"result file: {resultPath}");
        }
    }

    private static void PrintDetails(RunResult run, TextWriter output)
    {
        output.WriteLine($"{run.Scenario}: target {run.Target ?? "-"} · measured {run.MeasuredSeconds:0.###} s · warm-up requests {run.WarmupRequests}");
        output.WriteLine($"  outcomes: {Join(run.Outcomes.Select(pair => $"{pair.Key}={pair.Value}"))}");
        if (run.Figures.Count > 0)
        {
            output.WriteLine($"  figures: {Join(run.Figures.Select(pair => $"{pair.Key}={pair.Value?.ToJsonString() ?? "null"}"))}");
        }

        var verification = run.Verification;
        output.WriteLine($"  verification: {verification.Status}{(verification.Detail is null ? string.Empty : " — " + verification.Detail)}");
        if (run.Requests > 0 && run.Responses == 0)
        {
            output.WriteLine("  WARNING: no request got an HTTP response; is the target running?");
        }
        else if (run.UnexpectedResponses > 0 || run.TransportErrors > 0)
        {
            // req/s counts every HTTP response, so a fast error page would otherwise pass for a fast endpoint.
            output.WriteLine("  WARNING: some requests failed (see outcomes); req/s counts unexpected responses too.");
        }
    }

    private static string Row(params object[] cells) => string.Format(CultureInfo.InvariantCulture, RowFormat, cells);

    private static string Join(IEnumerable<string> parts) => parts.Any() ? string.Join(", ", parts) : "-";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Milliseconds(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-";

    private static string Ratio(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a";
}
