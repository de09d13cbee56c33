namespace SbbCommerce.Bench.Cli;

/// <summary>Everything the command line decides about one bench invocation.</summary>
internal sealed record BenchOptions
{
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5433;Database=sbbcommerce;Username=postgres";
    public const string ConnectionEnvironmentVariable = "SBB_BENCH_CONNECTION";

    public string? Scenario { get; init; }
    public Uri Url { get; init; } = new("http://localhost:5080/");
    public int Concurrency { get; init; } = 32;

    /// <summary>Measured window; null when the run is bounded by <see cref="Requests"/> instead.</summary>
    public TimeSpan? Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Measured request count; null when the run is bounded by <see cref="Duration"/> instead.</summary>
    public long? Requests { get; init; }

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time cap of a count-bounded run, so a stalled target cannot keep the bench running for ever.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Count cap of a time-bounded run; it also bounds the memory the latency samples take (8 bytes each).</summary>
    public long MaxRequests { get; init; } = 20_000_000;

    public string? OutPath { get; init; }
    public string ConnectionString { get; init; } = DefaultConnectionString;
    public bool NoBaseline { get; init; }
    public bool ShowHelp { get; init; }
    public bool ListScenarios { get; init; }
}
