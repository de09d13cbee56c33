using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SbbCommerce.Bench.Cli;
using SbbCommerce.Bench.Running;

namespace SbbCommerce.Bench.Reporting;

/// <summary>
/// The markdown table of an <c>all</c> run, written into docs/performance.md between two markers (the rest of the
/// file, the analysis, stays as written), or to --out when given.
/// </summary>
internal static class PerformanceSummary
{
    public const string StartMarker = "<!-- bench-all:start (written by `SbbCommerce.Bench all`; do not edit by hand) -->";
    public const string EndMarker = "<!-- bench-all:end -->";

    /// <summary>Issue 16's targets, beside the figures they judge.</summary>
    private static readonly Dictionary<string, string> Targets = new(StringComparer.Ordinal)
    {
        ["catalog-list"] = "ratio >= 2.0",
        ["product-detail"] = "hold (ratio 2.98 before)",
        ["cart-add"] = ">= 2,000 req/s",
        ["login"] = ">= 40/s on 2 cores (Argon2id, OWASP minimum)",
        ["refresh"] = ">= 2,000 req/s",
        ["checkout"] = ">= 450 orders/s, p99 <= 150 ms, ratio to checkout-raw >= 0.6",
        ["flash-sale"] = "0 oversell, 0 5xx, sold-out p99 <= 2x the baseline's p99",
        ["events-ingest"] = ">= 25,000 events/s accepted, >= 0.5 of the raw COPY (issue 13)",
        ["checkout-under-ingest"] = "ratio >= 0.8 (checkout loses <= 20 %), events durable within 1 s (probe p99) (issue 13)",
    };

    public static string Render(DateTimeOffset startedAt, BenchOptions options, MachineFacts machine, IReadOnlyList<SummaryRow> rows)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        var bounds = $"timed scenarios {(options.Duration ?? TimeSpan.FromSeconds(10)).TotalSeconds:0.#} s after {options.Warmup.TotalSeconds:0.#} s warm-up, "
            + $"counted ones {(options.Requests is { } requests ? requests.ToString(CultureInfo.InvariantCulture) : "at their defaults")}, concurrency {options.Concurrency}";
        Line(text, $"Run of {startedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC against {options.Url} ({bounds}). Machine: {machine.Cores} cores, "
            + $"{machine.Memory}, PostgreSQL {machine.PostgreSql}; 1/5/15-minute load average {machine.LoadBefore} before, {machine.LoadAfter} after. "
            + $"Commit latency: {machine.CommitLatency}. CPU ms/req: the host's and PostgreSQL's CPU time over the run (warm-up included) per request.");
        Line(text, string.Empty);
        Line(text, "| scenario | req/s | p50 ms | p99 ms | baseline | baseline req/s | baseline p99 ms | ratio | CPU ms/req API / PG | figures | verification | target (issues 13, 16) |");
        Line(text, "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var row in rows)
        {
            Line(text, Row(row));
        }

        return text.ToString().TrimEnd();
    }

    public static async Task<string> WriteAsync(string markdown, string? outPath, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(outPath ?? Path.Combine(JsonReportWriter.FindRepositoryRoot(), "docs", "performance.md"));
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : "# Performance\n\n";
        var block = $"{StartMarker}\n{markdown}\n{EndMarker}";
        var start = existing.IndexOf(StartMarker, StringComparison.Ordinal);
        var end = existing.IndexOf(EndMarker, StringComparison.Ordinal);
        var updated = start >= 0 && end > start
            ? existing[..start] + block + existing[(end + EndMarker.Length)..]
            : existing.TrimEnd() + "\n\n## Latest `all` run\n\n" + block + "\n";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, updated, cancellationToken).ConfigureAwait(false);
        return path;
    }

    private static string Row(SummaryRow row)
    {
        var target = Targets.GetValueOrDefault(row.Scenario, "-");
        if (row.Report is not { } report)
        {
            return $"| {row.Scenario} | | | | | | | | | {Cell(row.Note)} | | {target} |";
        }

        var result = report.Result;
        var baseline = report.Baseline;
        var ratio = report.Comparison?.ThroughputRatio is { } throughput ? $"{throughput:0.000}" : Cell(report.BaselineError ?? "-");
        return string.Join(" | ",
            $"| {row.Scenario}",
            $"{result.ThroughputRps:0.0}",
            Number(result.LatencyMs?.P50),
            Number(result.LatencyMs?.P99),
            baseline?.Scenario ?? "-",
            baseline is null ? "-" : $"{baseline.ThroughputRps:0.0}",
            Number(baseline?.LatencyMs?.P99),
            ratio,
            Cpu(result.Figures),
            Cell(Figures(row.Scenario, report)),
            Cell($"{result.Verification.Status}{(result.Verification.Detail is { } detail ? ": " + detail : string.Empty)}"),
            $"{target} |");
    }

    // The few figures each target is judged by (the result files hold all of them).
    private static string Figures(string scenario, BenchReport report)
    {
        var figures = report.Result.Figures;
        var parts = new List<string>();
        if (report.Result.UnexpectedResponses > 0 || report.Result.TransportErrors > 0)
        {
            parts.Add($"unexpected {report.Result.UnexpectedResponses}, errors {report.Result.TransportErrors}");
        }

        if (scenario == "flash-sale")
        {
            Add(parts, figures, "successes", "soldOut422", "otherStatusesAndErrors", "soldOutP99Ms", "successP99Ms");
            if (Value(figures, "soldOutP99Ms") is { } soldOut && report.Baseline?.LatencyMs?.P99 is { } baselineP99 && baselineP99 > 0)
            {
                parts.Add($"sold-out p99 / baseline p99 = {soldOut / baselineP99:0.00}");
            }
        }
        else if (scenario == "checkout")
        {
            parts.Add($"p99 ratio {report.Comparison?.P99Ratio?.ToString("0.00", CultureInfo.InvariantCulture) ?? "n/a"}");
        }
        else if (scenario == "events-ingest")
        {
            Add(parts, figures, "ingestEventsPerSecond", "rawCopyEventsPerSecond", "ingestToRawCopyRatio", "durableEventsPerSecond", "drainSecondsAfterRun");
        }
        else if (scenario == "checkout-under-ingest")
        {
            Add(parts, figures, "ingestOfferedEventsPerSecond", "ingestSentEventsPerSecond", "ingestAcceptedEventsPerSecond", "ingestRequestsRefused429", "durableProbeP50Ms", "durableProbeP99Ms", "durableProbeMaxMs");
        }
        else if (scenario == "outbox-drain")
        {
            Add(parts, figures, "messagesPerSecond", "lagP99Ms");
        }
        else if (scenario == "webhook-ingest")
        {
            Add(parts, figures, "processingLagP99Ms");
        }

        return parts.Count == 0 ? "-" : string.Join(", ", parts);
    }

    private static string Cpu(IReadOnlyDictionary<string, JsonNode?> figures) =>
        Value(figures, "apiCpuMsPerRequest") is { } api && Value(figures, "postgresCpuMsPerRequest") is { } postgres
            ? string.Create(CultureInfo.InvariantCulture, $"{api:0.000} / {postgres:0.000}")
            : "-";

    private static void Add(List<string> parts, IReadOnlyDictionary<string, JsonNode?> figures, params string[] names)
    {
        foreach (var name in names)
        {
            if (figures.TryGetValue(name, out var value) && value is not null)
            {
                parts.Add($"{name} {value.ToJsonString()}");
            }
        }
    }

    private static double? Value(IReadOnlyDictionary<string, JsonNode?> figures, string name) =>
        figures.TryGetValue(name, out var value) && value is JsonValue number && number.TryGetValue<double>(out var result) ? result : null;

    private static string Number(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-";

    private static string Cell(string? text) => (text ?? string.Empty).Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
