using System.Globalization;

namespace SbbCommerce.Bench.Cli;

/// <summary>Turns the command line (and SBB_BENCH_CONNECTION, SBB_BENCH_JWT_KEY) into <see cref="BenchOptions"/>.</summary>
internal static class BenchOptionsParser
{
    public const string Usage = """
        usage: dotnet run -c Release --project tools/SbbCommerce.Bench -- <scenario>|all [options]

          all                    every scenario one after another (timed ones by --duration, the others by
                                 --requests, else their defaults); a summary table to docs/performance.md
                                 (or --out)

          --url <url>            API base address, loopback only (default http://localhost:5080)
          --concurrency <n>      parallel workers = max connections (default 32)
          --duration <seconds>   measured window (default 10); excludes --requests
          --requests <n>         measured request count instead of a window (time cap --max-duration)
          --warmup <seconds>     warm-up whose samples are discarded (default 3)
          --rate <n>             offered requests a second across the workers (an open-loop schedule,
                                 the concurrency caps what is in flight); default: closed loop
          --timeout <seconds>    per-request timeout (default 30)
          --max-duration <s>     time cap of a --requests run (default 300)
          --out <file>           result file (default bench-results/<scenario>-<utc>.json at the repo root)
          --connection <string>  PostgreSQL connection string (default $SBB_BENCH_CONNECTION, else
                                 Host=127.0.0.1;Port=5433;Database=sbbbench;Username=postgres)
          --stock <n>            units in stock of the contended product (flash-sale: default 100;
                                 reserve-hot: default 10000000)
          --events <n>           synthetic events events-reports makes sure the database holds
                                 (default 10000000)
          --jwt-key <key>        the host's Jwt:SigningKey, for scenarios that sign tokens (default
                                 $SBB_BENCH_JWT_KEY, else the Development key)
          --erp-port <port>      loopback port of outbox-drain's fake Epicor Propello (default 5099;
                                 the host's Erp:Propello:BaseUrl, see scripts/bench-host.sh)
          --erp-latency-ms <ms>  delay the fake ERP adds to every write (default 0)
          --ingest-rate <n>      events a second checkout-under-ingest's burst offers (default 25000, issue
                                 13's target; 0: as fast as the host answers, refusals retried at once)
          --no-baseline          skip the baseline run that normally follows the scenario
          --list                 list the scenarios
          --help                 this text
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args, string? environmentConnection, string? environmentJwtKey = null)
    {
        var options = new BenchOptions();
        if (!string.IsNullOrWhiteSpace(environmentConnection))
        {
            options = options with { ConnectionString = environmentConnection };
        }

        if (!string.IsNullOrWhiteSpace(environmentJwtKey))
        {
            options = options with { JwtKey = ParseJwtKey(BenchOptions.JwtKeyEnvironmentVariable, environmentJwtKey) };
        }

        var durationGiven = false;
        for (var index = 0; index < args.Count; index++)
        {
            var (name, inlineValue) = SplitInlineValue(args[index]);
            string Value() => inlineValue ?? (++index < args.Count ? args[index] : throw new UsageException($"{name} needs a value."));

            options = name switch
            {
                "-h" or "--help" => options with { ShowHelp = true },
                "--list" => options with { ListScenarios = true },
                "--no-baseline" => options with { NoBaseline = true },
                "--url" => options with { Url = ParseUrl(Value()) },
                "--concurrency" => options with { Concurrency = (int)ParseInteger(name, Value(), 1, 4096) },
                "--duration" => options with { Duration = ParseSeconds(name, Value(), 1, 3600) },
                "--requests" => options with { Requests = ParseInteger(name, Value(), 1, 100_000_000) },
                "--warmup" => options with { Warmup = ParseSeconds(name, Value(), 0, 600) },
                "--timeout" => options with { RequestTimeout = ParseSeconds(name, Value(), 1, 600) },
                "--max-duration" => options with { MaxDuration = ParseSeconds(name, Value(), 1, 3600) },
                "--out" => options with { OutPath = Value() },
                "--connection" => options with { ConnectionString = Value() },
                "--stock" => options with { Stock = ParseInteger(name, Value(), 1, int.MaxValue) },
                "--events" => options with { Events = ParseInteger(name, Value(), 1, 100_000_000) },
                "--jwt-key" => options with { JwtKey = ParseJwtKey(name, Value()) },
                "--erp-port" => options with { ErpPort = (int)ParseInteger(name, Value(), 1, 65_535) },
                "--erp-latency-ms" => options with { ErpLatency = TimeSpan.FromMilliseconds(ParseInteger(name, Value(), 0, 60_000)) },
                "--rate" => options with { RequestsPerSecond = ParseInteger(name, Value(), 1, 1_000_000) },
                "--ingest-rate" => options with { IngestRate = ParseInteger(name, Value(), 0, 10_000_000) },
                _ when name.StartsWith('-') => throw new UsageException($"Unknown option {name}."),
                _ when options.Scenario is null => options with { Scenario = name },
                _ => throw new UsageException($"Only one scenario per run; '{options.Scenario}' and '{name}' were both given."),
            };
            durationGiven |= name == "--duration";
        }

        // `all` takes both: --duration for the timed scenarios, --requests for those that run by count.
        if (options.Requests is not null && !string.Equals(options.Scenario, Scenarios.ScenarioRegistry.AllName, StringComparison.OrdinalIgnoreCase))
        {
            if (durationGiven)
            {
                throw new UsageException("--duration and --requests exclude each other: a run is bounded by time or by count.");
            }

            options = options with { Duration = null };
        }

        return options;
    }

    // The host refuses keys under 32 bytes, so a shorter one can only be a typo; say so before any set-up runs.
    private static string ParseJwtKey(string name, string key) =>
        System.Text.Encoding.UTF8.GetByteCount(key) >= 32 ? key : throw new UsageException($"{name} must be at least 32 bytes, like the host's Jwt:SigningKey.");

    private static (string Name, string? InlineValue) SplitInlineValue(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }

    private static Uri ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"--url '{text}' is not an absolute http(s) address.");
        }

        LoopbackGuard.EnsureLoopbackUrl(url);

        // A trailing slash makes relative scenario paths append to the base path instead of replacing its last segment.
        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");
    }

    private static long ParseInteger(string name, string text, long min, long max)
    {
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new UsageException($"{name} must be a whole number from {min} to {max}; got '{text}'.");
        }

        return value;
    }

    private static TimeSpan ParseSeconds(string name, string text, double min, double max)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < min || seconds > max)
        {
            throw new UsageException($"{name} must be a number of seconds from {min} to {max}; got '{text}'.");
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
