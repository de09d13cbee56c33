using System.Text.Json;
using Npgsql;
using SbbCommerce.Bench.Cli;
using SbbCommerce.Bench.Reporting;
using SbbCommerce.Bench.Scenarios;

namespace SbbCommerce.Bench.Running;

/// <summary>
/// <c>all</c>: every scenario one after another against the host given, each with its own baseline and result file,
/// then one markdown summary (date, machine, figures, ratios, issue 16's targets) written into docs/performance.md.
/// A scenario the host cannot serve (no ERP, no dispatcher) is listed as skipped with the reason; one whose set-up
/// fails is listed with its error, and the others still run.
/// </summary>
internal static class AllScenariosRunner
{
    /// <summary>The order of the run: reads first, then writes, the host-side drains last.</summary>
    public static readonly string[] Scenarios =
    [
        "catalog-list", "product-detail", "reserve-hot", "cart-add", "login", "refresh", "checkout", "flash-sale", "verify-queue",
        "events-ingest", "checkout-under-ingest", "webhook-ingest", "outbox-drain",
    ];

    private static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadBefore = MachineFacts.LoadAverage();
        var commitLatency = await CommitLatency.MeasureAsync(options.ConnectionString, cancellationToken).ConfigureAwait(false);
        BenchApplication.Log($"all: commit latency {commitLatency}");
        var skipped = await WhatTheHostCannotServeAsync(options, cancellationToken).ConfigureAwait(false);
        var rows = new List<SummaryRow>();
        foreach (var name in Scenarios)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                rows.Add(new SummaryRow(name, null, "not run: cancelled"));
                continue;
            }

            if (skipped.TryGetValue(name, out var reason))
            {
                BenchApplication.Log($"all: skipping {name}: {reason}");
                rows.Add(new SummaryRow(name, null, $"skipped: {reason}"));
                continue;
            }

            var scenarioOptions = OptionsFor(name, options);
            var (report, failure) = await BenchApplication.RunOneAsync(scenarioOptions, options.Warmup, name, cancellationToken).ConfigureAwait(false);
            rows.Add(new SummaryRow(name, report, failure is null ? null : $"failed: {failure}"));
        }

        var machine = await MachineFacts.ReadAsync(options.ConnectionString, loadBefore, commitLatency, CancellationToken.None).ConfigureAwait(false);
        var markdown = PerformanceSummary.Render(startedAt, options, machine, rows);
        var path = await PerformanceSummary.WriteAsync(markdown, options.OutPath, CancellationToken.None).ConfigureAwait(false);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"summary written to {path}");
        return cancellationToken.IsCancellationRequested ? ExitCodes.Cancelled
            : rows.Any(row => row.Report?.Result.Verification.IsFailure == true) ? ExitCodes.VerificationFailed
            : rows.Any(row => row.Note?.StartsWith("failed", StringComparison.Ordinal) == true) ? ExitCodes.Failure
            : ExitCodes.Success;
    }

    // A timed scenario keeps --duration; one that runs by count (it says so in Configure) takes --requests, else its default.
    private static BenchOptions OptionsFor(string name, BenchOptions options)
    {
        var scenario = ScenarioRegistry.Create(name);
        var common = options with { Scenario = name, OutPath = null, MaxRequestsPerWorker = null, SetUpWarmupRequests = 0 };
        var timed = scenario.Configure(common with { Requests = null, Duration = options.Duration ?? DefaultDuration });
        return timed.Requests is null ? timed : scenario.Configure(common with { Requests = options.Requests, Duration = null });
    }

    // The drains run in the host only when it was started for them (scripts/bench-host.sh with SBB_BENCH_ERP_PORT);
    // without it outbox-drain would wait a minute for a warm-up that never drains. /health/ready says whether it was.
    private static async Task<Dictionary<string, string>> WhatTheHostCannotServeAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
        string? erp = null;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(options.Url, "health/ready"), cancellationToken).ConfigureAwait(false));
            erp = document.RootElement.TryGetProperty("checks", out var checks) && checks.TryGetProperty("erp", out var check)
                && check.TryGetProperty("description", out var description) ? description.GetString() : null;
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException)
        {
            BenchApplication.Log($"all: {options.Url}health/ready did not answer ({exception.Message}); every scenario will try");
        }

        if (erp?.Contains("not configured", StringComparison.OrdinalIgnoreCase) == true)
        {
            skipped["outbox-drain"] = $"the host sends no ERP messages (start it with SBB_BENCH_ERP_PORT={options.ErpPort} scripts/bench-host.sh)";
            skipped["webhook-ingest"] = "the host's webhook dispatcher is off (start it with SBB_BENCH_ERP_PORT or SBB_BENCH_DISPATCH=1 scripts/bench-host.sh)";
        }

        return skipped;
    }
}

/// <summary>One line of the summary: the report, or why there is none.</summary>
internal sealed record SummaryRow(string Scenario, BenchReport? Report, string? Note);

/// <summary>What the summary says about the machine: the figures only compare with runs on a similar one.</summary>
internal sealed record MachineFacts(int Cores, string Memory, string PostgreSql, string LoadBefore, string LoadAfter, string CommitLatency)
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static async Task<MachineFacts> ReadAsync(string connectionString, string loadBefore, string commitLatency, CancellationToken cancellationToken)
    {
        string version;
        try
        {
            var database = NpgsqlDataSource.Create(connectionString);
            await using (database.ConfigureAwait(false))
            {
                await using var command = database.CreateCommand("SHOW server_version");
                version = (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            }
        }
        catch (NpgsqlException exception)
        {
            version = $"unknown ({exception.Message})";
        }

        return new MachineFacts(Environment.ProcessorCount, TotalMemory(), version, loadBefore, LoadAverage(), commitLatency);
    }

    private static string TotalMemory()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kib)
            ? $"{kib / 1024.0 / 1024.0:0.#} GiB"
            : "n/a";
    }
}
