namespace SbbCommerce.Bench.Cli;

/// <summary>Everything the command line decides about one bench invocation.</summary>
internal sealed record BenchOptions
{
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5433;Database=sbbbench;Username=postgres";
    public const string ConnectionEnvironmentVariable = "SBB_BENCH_CONNECTION";
    public const string JwtKeyEnvironmentVariable = "SBB_BENCH_JWT_KEY";

    public string? Scenario { get; init; }
    public Uri Url { get; init; } = new("http://localhost:5080/");
    public int Concurrency { get; init; } = 32;

    /// <summary>Measured window; null when the run is bounded by <see cref="Requests"/> instead.</summary>
    public TimeSpan? Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Measured request count; null when the run is bounded by <see cref="Duration"/> instead.</summary>
    public long? Requests { get; init; }

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Offered load in requests a second across all workers (an open-loop schedule capped by <see cref="Concurrency"/>);
    /// null: closed loop, each worker sends its next request as soon as the previous one is answered.
    /// </summary>
    public double? RequestsPerSecond { get; init; }

    /// <summary>Events a second checkout-under-ingest's burst offers (0: as fast as the host answers); null: the target, 25,000.</summary>
    public long? IngestRate { get; init; }
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time cap of a count-bounded run, so a stalled target cannot keep the bench running for ever.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Count cap of a time-bounded run; it also bounds the memory the latency samples take (8 bytes each).</summary>
    public long MaxRequests { get; init; } = 20_000_000;

    /// <summary>
    /// Set by <see cref="Scenarios.IScenario.Configure"/>, not the command line: the most measured requests one worker
    /// sends (flash-sale: exactly one each, so every buyer presses the button once, all at the same moment).
    /// </summary>
    public long? MaxRequestsPerWorker { get; init; }

    /// <summary>
    /// Set by <see cref="Scenarios.IScenario.Configure"/>, not the command line: warm-up requests a count-bound scenario
    /// sends itself during set-up, on data of its own, because its measured data can be used once only (a buyer checks
    /// out once). Those scenarios run with <see cref="Warmup"/> = 0.
    /// </summary>
    public int SetUpWarmupRequests { get; init; }

    /// <summary>Units in stock for the scenarios that sell a limited product (flash-sale, reserve-hot); null: their default.</summary>
    public long? Stock { get; init; }

    /// <summary>Synthetic events events-reports makes sure the database holds before it times the reports; null: its default.</summary>
    public long? Events { get; init; }

    /// <summary>
    /// HMAC-SHA256 key the host checks access tokens with (its Jwt:SigningKey), for scenarios that sign tokens for the
    /// buyers and the admin they create; null: the Development key of appsettings.Development.json. Never reported.
    /// </summary>
    public string? JwtKey { get; init; }

    /// <summary>Loopback port of the fake Epicor Propello that outbox-drain starts (the host's Erp:Propello:BaseUrl).</summary>
    public int ErpPort { get; init; } = 5099;

    /// <summary>Delay the fake ERP adds to every write (outbox-drain).</summary>
    public TimeSpan ErpLatency { get; init; } = TimeSpan.Zero;

    public string? OutPath { get; init; }
    public string ConnectionString { get; init; } = DefaultConnectionString;
    public bool NoBaseline { get; init; }
    public bool ShowHelp { get; init; }
    public bool ListScenarios { get; init; }
}
