using System.Diagnostics;
using SbbCommerce.Bench.Cli;
using SbbCommerce.Bench.Running;
using SbbCommerce.Bench.Scenarios.Commerce;
using SbbCommerce.Fakes;

namespace SbbCommerce.Bench.Scenarios.Integration;

/// <summary>
/// K <c>item.upsert</c> messages for K products, queued in one statement and drained by the running host to a fake
/// Epicor Propello started here (<c>--erp-port</c>, <c>--erp-latency-ms</c>). Measures messages/s and the lag from
/// the batch's created_at to each sent_at, then verifies each message reached the ERP once under its own
/// Idempotency-Key, no wire rule broke, and every product holds the ERP's id. Its baseline, in the same run and the
/// same units: a raw-Npgsql claim-and-mark loop over K more rows of a destination no host sends.
/// </summary>
internal sealed class OutboxDrainScenario : ScenarioBase, ISelfTimedScenario
{
    public const long DefaultMessages = 20_000;
    private const long MaxMessages = 1_000_000;
    private const int WarmupMessages = 400;
    private const int RawLoops = 2;
    private static readonly TimeSpan WarmupCap = TimeSpan.FromSeconds(60);

    private FakePropello? _erp;
    private Guid[] _products = [];
    private DateTime _queuedAt;
    private string _run = string.Empty;

    public override string Name => "outbox-drain";

    public override string Description =>
        "K item.upsert messages (--requests, default 20,000) drained by the host to a fake Propello started here; messages/s, lag, exactly-once check.";

    public override BenchOptions Configure(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var messages = options.Requests ?? DefaultMessages;
        if (messages > MaxMessages)
        {
            throw new UsageException($"{Name} queues one product and one message per request; --requests must be at most {MaxMessages}.");
        }

        return options with
        {
            Requests = messages,
            Duration = null,
            Warmup = TimeSpan.Zero,
            SetUpWarmupRequests = options.Warmup > TimeSpan.Zero ? WarmupMessages : 0,
        };
    }

    public override async Task SetUpAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        try
        {
            _erp = await FakePropello.StartAsync(options.ErpPort).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            throw new InvalidOperationException($"The fake ERP cannot listen on 127.0.0.1:{options.ErpPort} (--erp-port): {exception.Message}", exception);
        }

        _erp.Latency = options.ErpLatency;
        Target = new Uri(_erp.BaseUrl);
        context.Figures.Set("erpLatencyMs", (long)options.ErpLatency.TotalMilliseconds);
        _run = BenchSeed.NewRunId();
        if (options.SetUpWarmupRequests > 0)
        {
            await WarmUpAsync(context, options.SetUpWarmupRequests, cancellationToken).ConfigureAwait(false);
        }

        context.Log($"{Name}: creating {options.Requests} products");
        _products = await BenchSeed.CreateProductsAsync(context, _run, "outbox", checked((int)options.Requests!.Value), 0, cancellationToken)
            .ConfigureAwait(false);
    }

    // The host's first messages pay for JIT, its first token and its connection pool; those are not the drain's rate.
    // A host that sends nothing here is not pointed at the fake, or runs no dispatcher: say so instead of waiting.
    private async Task WarmUpAsync(BenchContext context, int count, CancellationToken cancellationToken)
    {
        context.Log($"{Name}: warming up the host with {count} messages");
        var products = await BenchSeed.CreateProductsAsync(context, _run, "outbox-warmup", count, 0, cancellationToken).ConfigureAwait(false);
        var queuedAt = await OutboxBenchData.QueueItemUpsertsAsync(context.Database, OutboxBenchData.ErpDestination, products, cancellationToken)
            .ConfigureAwait(false);
        if (!await OutboxBenchData.WaitUntilDrainedAsync(
                context.Database, OutboxBenchData.ErpDestination, queuedAt, WarmupCap, context.Log, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException(
                $"The host did not send {count} warm-up messages to the fake ERP at {_erp!.BaseUrl} within {WarmupCap.TotalSeconds:0} s. "
                + $"Start it with SBB_BENCH_ERP_PORT={context.Options.ErpPort} scripts/bench-host.sh (Erp__Propello__BaseUrl, ApiKey, StoreId of "
                + "the fake, Outbox__DispatcherEnabled=true).");
        }
    }

    public async Task<RunResult> MeasureAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        _queuedAt = await OutboxBenchData.QueueItemUpsertsAsync(context.Database, OutboxBenchData.ErpDestination, _products, cancellationToken)
            .ConfigureAwait(false);
        var committedAfter = Stopwatch.GetElapsedTime(started);
        context.Figures.Set("queueStatementMs", Math.Round(committedAfter.TotalMilliseconds, 1));
        context.Log($"{Name}: {_products.Length} messages queued in {committedAfter.TotalMilliseconds:0} ms; waiting for the host to send them");
        var drained = await WaitAsync(context, OutboxBenchData.ErpDestination, _queuedAt, cancellationToken).ConfigureAwait(false);
        var result = await OutboxBenchData.ReadRunAsync(
            context.Database, Name, _erp!.BaseUrl, 0, OutboxBenchData.ErpDestination, _queuedAt, context.Options.SetUpWarmupRequests,
            drained, CancellationToken.None).ConfigureAwait(false);
        context.Figures.Set("messagesPerSecond", result.ThroughputRps);
        context.Figures.Set("lagP50Ms", result.LatencyMs?.P50 ?? double.NaN);
        context.Figures.Set("lagP99Ms", result.LatencyMs?.P99 ?? double.NaN);

        // created_at is the queuing statement's start; this rate counts from its commit instead.
        var fromCommit = result.MeasuredSeconds - committedAfter.TotalSeconds;
        context.Figures.Set("messagesPerSecondFromCommit", fromCommit > 0 ? Math.Round(result.Outcomes.GetValueOrDefault("sent") / fromCommit, 1) : double.NaN);
        return result;
    }

    public override async Task<Verification> VerifyAsync(BenchContext context, RunResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        var erp = _erp!;
        var byKey = erp.Records.ToDictionary(r => r.IdempotencyKey, StringComparer.OrdinalIgnoreCase);
        var violations = erp.RuleViolations.ToArray();
        context.Figures.Set("erpReplays", erp.Replays);
        context.Figures.Set("erpRuleViolations", violations.Length);
        context.Figures.Set("erpAuthentications", erp.Authentications);

        await using var command = context.Database.CreateCommand("""
            SELECT o.id, o.status, o.attempts, p.erp_item_id
              FROM webhooks_outbox o LEFT JOIN products p ON p.id = o.entity_id
             WHERE o.destination = @destination AND o.created_at = @createdAt
            """);
        command.Parameters.AddWithValue("destination", OutboxBenchData.ErpDestination);
        command.Parameters.AddWithValue("createdAt", _queuedAt);
        long messages = 0, notSent = 0, retried = 0, notAtErp = 0, wrongErpId = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                messages++;
                notSent += reader.GetString(1) == "sent" ? 0 : 1;
                retried += reader.GetInt32(2) > 1 ? 1 : 0;
                var erpItemId = reader.IsDBNull(3) ? null : reader.GetString(3);
                if (!byKey.TryGetValue(reader.GetGuid(0).ToString(), out var record))
                {
                    notAtErp++;
                }
                else if (record.ErpId != erpItemId)
                {
                    wrongErpId++;
                }
            }
        }

        context.Figures.Set("messagesRetried", retried);
        var problems = new List<string>();
        Check(messages == _products.Length, $"{messages} messages found for {_products.Length} queued");
        Check(notSent == 0, $"{notSent} messages not sent");
        Check(notAtErp == 0, $"{notAtErp} message ids never reached the ERP as Idempotency-Key");
        Check(wrongErpId == 0, $"{wrongErpId} products without the ERP's item id");
        Check(erp.Replays == 0, $"{erp.Replays} Idempotency-Keys sent again");
        Check(violations.Length == 0, $"{violations.Length} wire rule violations (first: {violations.FirstOrDefault()})");
        return problems.Count == 0
            ? Verification.Passed($"{messages} messages, each recorded once by the ERP under its id, every product has the ERP's item id; "
                                  + $"{retried} needed a retry, 0 replays, 0 rule violations")
            : Verification.Failed(string.Join("; ", problems));

        void Check(bool condition, string problem)
        {
            if (!condition)
            {
                problems.Add(problem);
            }
        }
    }

    public async Task<RunResult> MeasureBaselineAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        const string name = "raw-claim-mark";
        var queuedAt = await OutboxBenchData.QueueItemUpsertsAsync(context.Database, OutboxBenchData.RawDestination, _products, cancellationToken)
            .ConfigureAwait(false);
        using var cap = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cap.CancelAfter(context.Options.MaxDuration);
        var stopReason = "requests";
        try
        {
            await RawClaimMarkLoop.RunAsync(context.Database, OutboxBenchData.RawDestination, RawLoops, cap.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            stopReason = "time-cap";
        }

        var result = await OutboxBenchData.ReadRunAsync(
            context.Database, name, $"{OutboxBenchData.RawDestination} (no HTTP, {RawLoops} loops, batch {RawClaimMarkLoop.BatchSize})", RawLoops,
            OutboxBenchData.RawDestination, queuedAt, 0, cancellationToken.IsCancellationRequested ? "cancelled" : stopReason,
            CancellationToken.None).ConfigureAwait(false);
        var sent = result.Outcomes.GetValueOrDefault("sent");
        return result with
        {
            Verification = sent == _products.Length
                ? Verification.Passed($"{sent} rows claimed and marked sent")
                : Verification.Failed($"{sent} of {_products.Length} rows marked sent"),
        };
    }

    private async Task<string> WaitAsync(BenchContext context, string destination, DateTime queuedAt, CancellationToken cancellationToken)
    {
        try
        {
            return await OutboxBenchData.WaitUntilDrainedAsync(
                context.Database, destination, queuedAt, context.Options.MaxDuration, context.Log, cancellationToken).ConfigureAwait(false)
                ? "requests"
                : "time-cap";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            context.Log($"{Name}: cancelled while waiting for the drain");
            return "cancelled";
        }
    }

    public override HttpRequestMessage CreateRequest(int workerIndex, long iteration) =>
        throw new NotSupportedException($"{Name} times itself; the host sends its messages, not the bench's workers.");

    protected override async ValueTask DisposeCoreAsync()
    {
        if (_erp is not null)
        {
            await _erp.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeCoreAsync().ConfigureAwait(false);
    }
}
