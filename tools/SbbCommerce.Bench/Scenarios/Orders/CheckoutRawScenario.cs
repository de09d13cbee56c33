using System.Diagnostics;
using System.Globalization;
using Npgsql;
using SbbCommerce.Bench.Cli;
using SbbCommerce.Bench.Running;
using SbbCommerce.Bench.Scenarios.Commerce;

namespace SbbCommerce.Bench.Scenarios.Orders;

/// <summary>
/// The honest ceiling of <c>checkout</c>: the statements one checkout sends to PostgreSQL (read from the host, see
/// docs/performance.md and tests/.../Performance/RoundTripTests.cs), in raw Npgsql with the same round trips, reads
/// outside and writes inside one transaction per order, by workers of its own (no HTTP, no EF Core, no JSON). Same
/// data as <c>checkout</c>: a buyer with one unit of a product of their own in the cart, Zelle. It is
/// <c>checkout</c>'s baseline (same concurrency and count, same run), and runs alone as <c>checkout-raw</c>.
/// </summary>
internal sealed class CheckoutRawScenario : ScenarioBase, ISelfTimedScenario
{
    public const string ScenarioName = "checkout-raw";
    private const int DefaultOrders = 2_000;
    private const int ProductStock = 1_000_000;

    private string _run = string.Empty;
    private RawBuyer[] _buyers = [];
    private Guid[] _products = [];

    public override string Name => ScenarioName;

    public override string Description =>
        "checkout's statements (14 round trips, one transaction) in raw Npgsql, no HTTP; checkout's baseline; by count (--requests, default 2000).";

    public bool MeasuresOwnBaseline => false;

    public override BenchOptions Configure(BenchOptions options) =>
        OneShotRun.Configure(options, Name, DefaultOrders, setUpWarmupRequests: Math.Min(256, 2 * options.Concurrency));

    public override async Task SetUpAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var count = checked((int)(context.Options.Requests ?? DefaultOrders));

        // As checkout's baseline it runs with checkout's settings, whose timed warm-up is the command line's.
        var warmup = context.Options.SetUpWarmupRequests > 0 || context.Options.Warmup > TimeSpan.Zero
            ? Math.Min(256, 2 * context.Options.Concurrency)
            : 0;
        _run = BenchSeed.NewRunId();
        var products = await BenchSeed.CreateProductsAsync(context, _run, "raw", count + warmup, ProductStock, cancellationToken).ConfigureAwait(false);
        var buyers = await BenchSeed.CreateBuyersAsync(context, BenchTokenSigner.For(context.Options), _run, "raw", count + warmup, cancellationToken)
            .ConfigureAwait(false);
        var carts = await CheckoutRawStatements.FillCartsAsync(context.Database, buyers, products, cancellationToken).ConfigureAwait(false);
        var all = buyers.Select((b, i) => new RawBuyer(b.UserId, b.Email, b.ShippingAddressId, carts[i], $"bench-{_run}-raw-{i}")).ToArray();
        if (warmup > 0)
        {
            context.Log($"{Name}: {warmup} warm-up orders");
            await RunOrdersAsync(context, all[count..], CancellationToken.None, cancellationToken).ConfigureAwait(false);
        }

        _buyers = all[..count];
        _products = products[..count];
        context.Figures.Set("run", _run);
        context.Figures.Set("setUpWarmupOrders", warmup);
        context.Figures.Set("commandsPerOrder", CheckoutRawStatements.Commands);
        context.Figures.Set("roundTripsPerOrder", CheckoutRawStatements.Commands + 1);
        Target = new Uri("raw://npgsql/checkout");
    }

    public async Task<RunResult> MeasureAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        var (latencies, outcomes) = await RunOrdersAsync(context, _buyers, cancellationToken, cancellationToken).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var committed = outcomes.GetValueOrDefault("committed");
        var failed = outcomes.Where(pair => pair.Key != "committed").Sum(pair => pair.Value);
        return new RunResult
        {
            Scenario = Name,
            Target = Target?.ToString(),
            Concurrency = context.Options.Concurrency,
            WarmupSeconds = 0,
            MeasuredSeconds = Math.Round(seconds, 3),
            StopReason = cancellationToken.IsCancellationRequested ? "cancelled" : "requests",
            WarmupRequests = context.Options.SetUpWarmupRequests,
            Requests = committed + failed,
            Responses = committed + failed,
            UnexpectedResponses = failed,
            TransportErrors = 0,
            ThroughputRps = seconds > 0 ? Math.Round(committed / seconds, 1) : 0,
            LatencyMs = LatencySummary.FromTimestampTicks(latencies),
            Outcomes = outcomes,
        };
    }

    public Task<RunResult> MeasureBaselineAsync(BenchContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"{Name} is itself a baseline (checkout's).");

    public override async Task<Verification> VerifyAsync(BenchContext context, RunResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        await using var command = context.Database.CreateCommand("""
            SELECT (SELECT count(DISTINCT order_id) FROM order_items WHERE product_id = ANY(@products)),
                   (SELECT coalesce(sum(quantity_reserved), 0) FROM products WHERE id = ANY(@products))
            """);
        command.Parameters.AddWithValue("products", _products);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var orders = reader.GetInt64(0);
        var reserved = reader.GetInt64(1);
        var committed = result.Outcomes.GetValueOrDefault("committed");
        var detail = string.Create(CultureInfo.InvariantCulture, $"{orders} orders and {reserved} units reserved for {committed} committed transactions");
        return orders == committed && reserved == committed ? Verification.Passed(detail) : Verification.Failed(detail);
    }

    public override HttpRequestMessage CreateRequest(int workerIndex, long iteration) =>
        throw new NotSupportedException($"{Name} times itself; its workers talk to PostgreSQL, not to the host.");

    // Concurrency workers, each taking the next buyer until none is left; a failed order is counted, not thrown.
    private static async Task<(long[] Latencies, SortedDictionary<string, long> Outcomes)> RunOrdersAsync(
        BenchContext context, RawBuyer[] buyers, CancellationToken stop, CancellationToken cancellationToken)
    {
        var cursor = -1;
        var latencies = new long[buyers.Length];
        var recorded = 0;
        var outcomes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var gate = new Lock();
        var workers = Enumerable.Range(0, context.Options.Concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while (!stop.IsCancellationRequested && (index = Interlocked.Increment(ref cursor)) < buyers.Length)
            {
                var sentAt = Stopwatch.GetTimestamp();
                string outcome;
                try
                {
                    await CheckoutRawStatements.PlaceOrderAsync(context.Database, buyers[index], cancellationToken).ConfigureAwait(false);
                    latencies[Interlocked.Increment(ref recorded) - 1] = Stopwatch.GetTimestamp() - sentAt;
                    outcome = "committed";
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // One failed order is a result to count, like an HTTP 500 in the other scenarios.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    outcome = $"error:{exception.GetType().Name}:{(exception as PostgresException)?.SqlState ?? exception.Message}";
                }

                lock (gate)
                {
                    outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                }
            }
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        return (latencies[..recorded], outcomes);
    }
}

/// <summary>A buyer of checkout-raw: the ids its statements use and its own idempotency key.</summary>
internal sealed record RawBuyer(Guid UserId, string Email, Guid ShippingAddressId, Guid CartId, string IdempotencyKey);
