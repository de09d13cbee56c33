using SbbCommerce.Bench.Cli;

namespace SbbCommerce.Bench.Scenarios.Commerce;

/// <summary>
/// Settings of scenarios whose measured data serves one request only (a buyer checks out once, a payment is verified
/// once): bounded by count, one buyer (or payment) prepared per request, no timed warm-up (its requests would use up
/// prepared data nobody counted); instead set-up makes <see cref="BenchOptions.SetUpWarmupRequests"/> requests of the
/// same kind on data of its own, when the command line asks for a warm-up at all (--warmup 0 turns it off).
/// </summary>
internal static class OneShotRun
{
    public const long MaxRequests = 100_000;

    public static BenchOptions Configure(BenchOptions options, string scenario, long defaultRequests, int setUpWarmupRequests)
    {
        var requests = options.Requests ?? defaultRequests;
        if (requests > MaxRequests)
        {
            throw new UsageException($"{scenario} prepares one buyer per request; --requests must be at most {MaxRequests}.");
        }

        return options with
        {
            Requests = requests,
            Duration = null,
            Warmup = TimeSpan.Zero,
            SetUpWarmupRequests = options.Warmup > TimeSpan.Zero ? setUpWarmupRequests : 0,
        };
    }

    /// <summary>The next prepared item: a thread-safe cursor shared by every worker.</summary>
    public static int Next(ref int cursor, int count)
    {
        var index = Interlocked.Increment(ref cursor);
        return index < count
            ? index
            : throw new InvalidOperationException($"More requests than the {count} prepared; the run should have been bounded by --requests.");
    }
}
