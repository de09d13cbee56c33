using Npgsql;
using SbbCommerce.Bench.Cli;
using SbbCommerce.Bench.Reporting;
using SbbCommerce.Bench.Scenarios;

namespace SbbCommerce.Bench.Running;

/// <summary>One invocation: parse, run the scenario, run the baseline after it, report.</summary>
internal static class BenchApplication
{
    private const string CancelledStop = "cancelled";

    public static async Task<int> RunAsync(string[] args)
    {
        BenchOptions options;
        TimeSpan baselineWarmup;
        try
        {
            options = BenchOptionsParser.Parse(
                args,
                Environment.GetEnvironmentVariable(BenchOptions.ConnectionEnvironmentVariable),
                Environment.GetEnvironmentVariable(BenchOptions.JwtKeyEnvironmentVariable));
            if (options.ShowHelp)
            {
                Console.WriteLine(BenchOptionsParser.Usage);
                return ExitCodes.Success;
            }

            if (options.ListScenarios)
            {
                await PrintScenariosAsync().ConfigureAwait(false);
                return ExitCodes.Success;
            }

            ValidateForRun(options);
            if (IsAll(options))
            {
                return await RunWithCancelKeyAsync(token => AllScenariosRunner.RunAsync(options, token)).ConfigureAwait(false);
            }

            // The baseline's data can be read any number of times, so it keeps the warm-up the command line asked for
            // even where the scenario gives its own up (a buyer checks out once): cold figures would make no ceiling.
            baselineWarmup = options.Warmup;
            options = await ConfigureForScenarioAsync(options).ConfigureAwait(false);
        }
        catch (UsageException exception)
        {
            await Console.Error.WriteLineAsync($"error: {exception.Message}{Environment.NewLine}{Environment.NewLine}{BenchOptionsParser.Usage}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await RunWithCancelKeyAsync(token => RunAndReportAsync(options, baselineWarmup, options.Scenario!, token)).ConfigureAwait(false);
    }

    private static bool IsAll(BenchOptions options) =>
        string.Equals(options.Scenario, ScenarioRegistry.AllName, StringComparison.OrdinalIgnoreCase);

    private static async Task<int> RunWithCancelKeyAsync(Func<CancellationToken, Task<int>> run)
    {
        using var cancellation = new CancellationTokenSource();
        void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs eventArgs)
        {
            // The first Ctrl+C stops the workers and still reports; a second one ends the process the hard way.
            if (!cancellation.IsCancellationRequested)
            {
                eventArgs.Cancel = true;
                Log("stopping (Ctrl+C again to abort)");
                cancellation.Cancel();
            }
        }

        Console.CancelKeyPress += OnCancelKeyPress;
        try
        {
            return await run(cancellation.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancelKeyPress;
        }
    }

    private static void ValidateForRun(BenchOptions options)
    {
        if (options.Scenario is null)
        {
            throw new UsageException($"Name a scenario: {string.Join(", ", ScenarioRegistry.Names)}.");
        }

        if (!ScenarioRegistry.Contains(options.Scenario) && !IsAll(options))
        {
            throw new UsageException($"Unknown scenario '{options.Scenario}'. Known: {string.Join(", ", ScenarioRegistry.Names)}.");
        }

        LoopbackGuard.EnsureLoopbackDatabase(options.ConnectionString);
    }

    // The scenario's needs (run by count, one request per worker...) decide the settings before the HTTP client is
    // sized and before the report records them.
    private static async Task<BenchOptions> ConfigureForScenarioAsync(BenchOptions options)
    {
        var scenario = ScenarioRegistry.Create(options.Scenario!);
        await using (scenario.ConfigureAwait(false))
        {
            var configured = scenario.Configure(options);
            if (configured != options)
            {
                Log($"{scenario.Name}: runs with {configured.Requests?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "timed"} requests"
                    + $" at concurrency {configured.Concurrency}, timed warm-up {configured.Warmup.TotalSeconds:0.#} s"
                    + (configured.MaxRequestsPerWorker is { } perWorker ? $", at most {perWorker} per worker" : string.Empty)
                    + (configured.SetUpWarmupRequests > 0 ? $", {configured.SetUpWarmupRequests} warm-up requests in set-up" : string.Empty));
            }

            return configured;
        }
    }

    private static async Task<int> RunAndReportAsync(BenchOptions options, TimeSpan baselineWarmup, string scenarioName, CancellationToken cancellationToken)
    {
        var (report, failure) = await RunOneAsync(options, baselineWarmup, scenarioName, cancellationToken).ConfigureAwait(false);
        return report is not null ? ExitCode(report, cancellationToken)
            : failure == CancelledStop ? ExitCodes.Cancelled
            : ExitCodes.Failure;
    }

    /// <summary>
    /// Runs one scenario and its baseline, writes the result file and prints the summary; the report, or why there
    /// is none ("cancelled", or the set-up's failure).
    /// </summary>
    internal static async Task<(BenchReport? Report, string? Failure)> RunOneAsync(
        BenchOptions options, TimeSpan baselineWarmup, string scenarioName, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        using var http = BenchHttpClientFactory.Create(options.Concurrency, options.RequestTimeout);
        var database = NpgsqlDataSource.Create(options.ConnectionString);
        await using (database.ConfigureAwait(false))
        {
            ScenarioRun run;
            try
            {
                run = await RunScenarioAsync(scenarioName, options, http, database, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Log($"{scenarioName}: cancelled before the run started; nothing to report");
                return (null, CancelledStop);
            }
#pragma warning disable CA1031 // Whatever broke the set-up is reported to the operator, not thrown as a stack trace.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                await Console.Error.WriteLineAsync($"error: scenario '{scenarioName}' failed: {Describe(exception)}").ConfigureAwait(false);
                return (null, Describe(exception));
            }

            var result = run.Result;
            var (baseline, baselineError) = run.OwnBaseline ?? await RunBaselineAfterAsync(
                result, options with { Warmup = baselineWarmup }, http, database, cancellationToken).ConfigureAwait(false);
            var report = new BenchReport
            {
                Scenario = result.Scenario,
                StartedAtUtc = startedAt,
                Machine = MachineInfo.Current(),
                Settings = RunSettings.From(options),
                Result = result,
                Baseline = baseline,
                BaselineError = baselineError,
                Comparison = baseline is null ? null : BaselineComparison.Compare(result, baseline),
            };

            // Written even after Ctrl+C: a partial run is still worth keeping, and it says "cancelled".
            var path = await JsonReportWriter.WriteAsync(report, options.OutPath, CancellationToken.None).ConfigureAwait(false);
            ConsoleReportPrinter.Print(report, path, Console.Out);
            return (report, null);
        }
    }

    private static async Task<(RunResult? Baseline, string? Error)> RunBaselineAfterAsync(
        RunResult result, BenchOptions options, HttpClient http, NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        if (options.NoBaseline || ScenarioRegistry.BaselineOf(result.Scenario) is not { } baselineName)
        {
            return (null, null);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return (null, "cancelled");
        }

        try
        {
            var baseline = (await RunScenarioAsync(baselineName, options, http, database, cancellationToken).ConfigureAwait(false)).Result;

            // A ratio against an interrupted baseline would be quoted as if it were real.
            return baseline.StopReason == CancelledStop ? (null, "cancelled") : (baseline, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (null, "cancelled");
        }
#pragma warning disable CA1031 // The scenario's figures stand on their own; a broken baseline is reported next to them.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return (null, Describe(exception));
        }
    }

    private static async Task<ScenarioRun> RunScenarioAsync(
        string name, BenchOptions options, HttpClient http, NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        var scenario = ScenarioRegistry.Create(name);
        await using (scenario.ConfigureAwait(false))
        {
            var context = new BenchContext(options, http, database, Log);
            Log($"{scenario.Name}: setting up");
            await scenario.SetUpAsync(context, cancellationToken).ConfigureAwait(false);
            var postmaster = await ProcessCpu.PostmasterAsync(database, cancellationToken).ConfigureAwait(false);
            if (scenario is ISelfTimedScenario selfTimed)
            {
                return await RunSelfTimedAsync(scenario, selfTimed, context, postmaster, cancellationToken).ConfigureAwait(false);
            }

            var bound = options.Requests is { } requests ? $"{requests} requests" : $"{options.Duration!.Value.TotalSeconds:0.#} s";
            Log($"{scenario.Name}: {options.Warmup.TotalSeconds:0.#} s warm-up, then {bound} at concurrency {options.Concurrency} → {scenario.Target}");
            var cpuBefore = ProcessCpu.Sample(postmaster);
            var result = await new LoadRunner(http, options, scenario).RunAsync(cancellationToken).ConfigureAwait(false);
            SetCpuFigures(context, cpuBefore, ProcessCpu.Sample(postmaster), result.Requests + result.WarmupRequests);

            var verification = result.StopReason == CancelledStop
                ? Verification.Skipped
                : await VerifyAsync(scenario, context, result, cancellationToken).ConfigureAwait(false);
            Log($"{scenario.Name}: done, {result.ThroughputRps:0.0} req/s");
            return new ScenarioRun(result with { Figures = context.Figures.Snapshot(), Verification = verification }, null);
        }
    }

    // The scenario's set-up is done; it measures itself, then (unless --no-baseline) its own baseline in the same run.
    private static async Task<ScenarioRun> RunSelfTimedAsync(
        IScenario scenario, ISelfTimedScenario selfTimed, BenchContext context, int? postmaster, CancellationToken cancellationToken)
    {
        Log($"{scenario.Name}: measuring");
        var cpuBefore = ProcessCpu.Sample(postmaster);
        var result = await selfTimed.MeasureAsync(context, cancellationToken).ConfigureAwait(false);
        SetCpuFigures(context, cpuBefore, ProcessCpu.Sample(postmaster), result.Requests);
        var verification = result.StopReason == CancelledStop
            ? Verification.Skipped
            : await VerifyAsync(scenario, context, result, cancellationToken).ConfigureAwait(false);
        result = result with { Figures = context.Figures.Snapshot(), Verification = verification };
        Log($"{scenario.Name}: done, {result.ThroughputRps:0.0}/s");
        if (context.Options.NoBaseline || !selfTimed.MeasuresOwnBaseline)
        {
            return new ScenarioRun(result, (null, null));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return new ScenarioRun(result, (null, "cancelled"));
        }

        try
        {
            Log($"{scenario.Name}: measuring its baseline");
            var baseline = await selfTimed.MeasureBaselineAsync(context, cancellationToken).ConfigureAwait(false);
            return new ScenarioRun(result, baseline.StopReason == CancelledStop ? (null, "cancelled") : (baseline, null));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ScenarioRun(result, (null, "cancelled"));
        }
#pragma warning disable CA1031 // The scenario's figures stand on their own; a broken baseline is reported next to them.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new ScenarioRun(result, (null, Describe(exception)));
        }
    }

    // Where a request's cost goes: CPU milliseconds per request (warm-up included) of the host and of PostgreSQL.
    private static void SetCpuFigures(BenchContext context, CpuSample? before, CpuSample? after, long requests)
    {
        if (before is null || after is null || requests <= 0)
        {
            return;
        }

        var (apiMs, postgresMs) = after.PerRequestSince(before, requests);
        context.Figures.Set("apiCpuMsPerRequest", apiMs);
        context.Figures.Set("postgresCpuMsPerRequest", postgresMs);
        context.Figures.Set("benchCpuMsPerRequest", after.BenchPerRequestSince(before, requests));
    }

    private static async Task<Verification> VerifyAsync(IScenario scenario, BenchContext context, RunResult result, CancellationToken cancellationToken)
    {
        try
        {
            return await scenario.VerifyAsync(context, result, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Verification.Skipped;
        }
#pragma warning disable CA1031 // A verification that throws has failed; the figures are still reported.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return Verification.Failed(Describe(exception));
        }
    }

    private static int ExitCode(BenchReport report, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? ExitCodes.Cancelled
        : report.Result.Verification.IsFailure ? ExitCodes.VerificationFailed
        : report.Result.Responses == 0 || report.BaselineError is not null ? ExitCodes.Failure
        : ExitCodes.Success;

    private static async Task PrintScenariosAsync()
    {
        foreach (var name in ScenarioRegistry.Names)
        {
            var scenario = ScenarioRegistry.Create(name);
            await using (scenario.ConfigureAwait(false))
            {
                Console.WriteLine($"{scenario.Name,-14} {scenario.Description}");
            }
        }
    }

    // The innermost message is usually the useful one ("Connection refused", "relation ... does not exist").
    internal static string Describe(Exception exception)
    {
        var innermost = exception.GetBaseException();
        return innermost == exception
            ? $"{exception.GetType().Name}: {exception.Message}"
            : $"{exception.GetType().Name}: {exception.Message} ({innermost.GetType().Name}: {innermost.Message})";
    }

    internal static void Log(string message) => Console.Error.WriteLine($"[bench {DateTime.UtcNow:HH:mm:ss}] {message}");
}

/// <summary>One scenario's result and, for a self-timed scenario, the baseline it measured itself (or why not).</summary>
internal sealed record ScenarioRun(RunResult Result, (RunResult? Run, string? Error)? OwnBaseline);
