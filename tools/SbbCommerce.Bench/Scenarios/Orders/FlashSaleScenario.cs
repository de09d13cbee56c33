using System.Globalization;
using System.Net;
using SbbCommerce.Bench.Cli;
using SbbCommerce.Bench.Running;
using SbbCommerce.Bench.Scenarios.Commerce;

namespace SbbCommerce.Bench.Scenarios.Orders;

/// <summary>
/// The flash sale: N buyers (--requests, default 2,000), each with one unit of the SAME product in the cart, press
/// checkout at the same moment (concurrency = N, one request per worker) against S units (--stock, default 100).
/// Exactly S win (201), everyone else must get a quick sold-out 422 (insufficient_stock); both are expected
/// answers. Afterwards the database must show exactly S orders of the product and quantity_reserved = S.
/// </summary>
internal sealed class FlashSaleScenario : ScenarioBase
{
    private const int DefaultBuyers = 2_000;
    private const long DefaultStock = 100;
    private const int MaxBuyers = 4_096;
    private const int SetUpWarmupBuyers = 64;

    private string _run = string.Empty;
    private Guid _product;
    private long _stock;
    private BenchBuyer[] _buyers = [];
    private byte[][] _bodies = [];
    private int _cursor = -1;
    private LatencyByStatus _latency = new(0);
    private long _soldOut;
    private long _other422;

    public override string Name => "flash-sale";

    public override string Description =>
        "N buyers (--requests, default 2000) check out one unit of the same product at once (concurrency N) against --stock units (default 100); 201 and 422 expected.";

    public override BenchOptions Configure(BenchOptions options)
    {
        var configured = OneShotRun.Configure(options, Name, DefaultBuyers, SetUpWarmupBuyers);
        if (configured.Requests > MaxBuyers)
        {
            throw new UsageException($"flash-sale gives every buyer a worker of their own; --requests must be at most {MaxBuyers}.");
        }

        // Everyone at once: one worker (and connection) per buyer, each sending exactly one request.
        return configured with { Concurrency = (int)configured.Requests!.Value, MaxRequestsPerWorker = 1 };
    }

    public override async Task SetUpAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = (int)context.Options.Requests!.Value;
        _stock = context.Options.Stock ?? DefaultStock;
        _run = BenchSeed.NewRunId();
        var version = await StoreApi.GetComplianceVersionAsync(context, cancellationToken).ConfigureAwait(false);
        var signer = BenchTokenSigner.For(context.Options);

        await WarmUpAsync(context, signer, version, context.Options.SetUpWarmupRequests, cancellationToken).ConfigureAwait(false);

        _product = (await BenchSeed.CreateProductsAsync(context, _run, "fs", 1, _stock, cancellationToken).ConfigureAwait(false))[0];
        _buyers = await BenchSeed.CreateBuyersAsync(context, signer, _run, "fs", count, cancellationToken).ConfigureAwait(false);
        await StoreApi.EnsureTokenAcceptedAsync(context, _buyers[0].AccessToken, "api/v1/me", cancellationToken).ConfigureAwait(false);
        context.Log($"flash-sale: run {_run}, {count} buyers, {_stock} units; filling carts");
        await BenchSeed.ForEachAsync(context, _buyers, (buyer, ct) =>
            new ValueTask(StoreApi.AddToCartAsync(context, _product, 1, ct, accessToken: buyer.AccessToken)), cancellationToken).ConfigureAwait(false);

        _bodies = _buyers.Select(buyer => StoreApi.CheckoutBody(buyer, version)).ToArray();
        _latency = new LatencyByStatus(context.Options.Concurrency);

        // Buyers who are on the page already have a connection: the sale measures checkout, not N handshakes at once.
        await StoreApi.PreOpenConnectionsAsync(context, context.Options.Concurrency, cancellationToken).ConfigureAwait(false);
        context.Figures.Set("run", _run);
        context.Figures.Set("productId", _product.ToString());
        context.Figures.Set("buyers", count);
        context.Figures.Set("stock", _stock);
        Target = new Uri(context.ApiBaseUrl, "api/v1/checkout");
    }

    public override HttpRequestMessage CreateRequest(int workerIndex, long iteration)
    {
        var index = OneShotRun.Next(ref _cursor, _buyers.Length);
        _latency.Start(workerIndex);
        return StoreApi.Post(Target!, _bodies[index], _buyers[index].AccessToken, $"bench-{_run}-flash-{index}");
    }

    public override bool IsExpected(HttpStatusCode statusCode) => statusCode is HttpStatusCode.Created or HttpStatusCode.UnprocessableEntity;

    public override async ValueTask OnResponseAsync(int workerIndex, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        _latency.Stop(workerIndex, (int)response.StatusCode);
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            // A 422 for another reason (an expired token, a compliance rule) is not a sold-out answer: count it apart.
            var soldOut = await StoreApi.ProblemCodeAsync(response, cancellationToken).ConfigureAwait(false) == StoreApi.SoldOutCode;
            Interlocked.Increment(ref soldOut ? ref _soldOut : ref _other422);
        }
    }

    public override async Task<Verification> VerifyAsync(BenchContext context, RunResult result, CancellationToken cancellationToken)
    {
        await using var command = context.Database.CreateCommand("""
            SELECT (SELECT count(DISTINCT order_id) FROM order_items WHERE product_id = @product),
                   (SELECT coalesce(sum(quantity), 0) FROM order_items WHERE product_id = @product),
                   quantity_reserved, quantity_on_hand
            FROM products WHERE id = @product
            """);
        command.Parameters.AddWithValue("product", _product);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var orders = reader.GetInt64(0);
        var unitsOrdered = reader.GetInt64(1);
        var reserved = reader.GetInt32(2);
        var onHand = reader.GetInt32(3);

        var created = result.Outcomes.GetValueOrDefault("201");
        var unprocessable = result.Outcomes.GetValueOrDefault("422");
        var others = result.Requests - created - unprocessable;
        var pressed = Math.Min(_cursor + 1L, _buyers.Length);
        var expected = Math.Min(pressed, _stock);
        var figures = context.Figures;
        figures.Set("successes", created);
        figures.Set("soldOut422", Interlocked.Read(ref _soldOut));
        figures.Set("other422", Interlocked.Read(ref _other422));
        figures.Set("otherStatusesAndErrors", others);
        figures.Set("orders", orders);
        figures.Set("unitsOrdered", unitsOrdered);
        figures.Set("quantityReserved", reserved);
        figures.Set("quantityOnHand", onHand);
        var latencies = _latency.Summaries();
        if (latencies.TryGetValue(422, out var soldOutLatency))
        {
            figures.Set("soldOutP50Ms", soldOutLatency.P50);
            figures.Set("soldOutP99Ms", soldOutLatency.P99);
            figures.Set("soldOutMaxMs", soldOutLatency.Max);
        }

        if (latencies.TryGetValue(201, out var successLatency))
        {
            figures.Set("successP50Ms", successLatency.P50);
            figures.Set("successP99Ms", successLatency.P99);
            figures.Set("successMaxMs", successLatency.Max);
        }

        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{pressed} buyers, {_stock} units: {orders} orders ({unitsOrdered} units), quantity_reserved {reserved}, expected {expected}; "
            + $"answers 201 = {created}, 422 = {unprocessable} ({Interlocked.Read(ref _soldOut)} sold out), other = {others}");
        var problems = new List<string>();
        if (orders != expected || unitsOrdered != expected || reserved != expected)
        {
            problems.Add("orders or reservations differ from the stock sold");
        }

        // Without transport errors every order was answered; a 201 without an order (or the reverse) is a bug.
        if (result.TransportErrors == 0 && created != orders)
        {
            problems.Add("the 201 answers differ from the orders");
        }

        return problems.Count == 0 ? Verification.Passed(detail) : Verification.Failed($"{string.Join("; ", problems)}: {detail}");
    }

    // The sale's first seconds must not measure JIT and cold pools: a small sale of its own, half sold out, walks
    // both the winning and the sold-out path first (on another product and other buyers, so it changes nothing measured).
    private async Task WarmUpAsync(BenchContext context, BenchTokenSigner signer, string version, int buyers, CancellationToken cancellationToken)
    {
        if (buyers == 0)
        {
            return;
        }

        var product = (await BenchSeed.CreateProductsAsync(context, _run, "fsw", 1, buyers / 2, cancellationToken).ConfigureAwait(false))[0];
        var warmupBuyers = await BenchSeed.CreateBuyersAsync(context, signer, _run, "fsw", buyers, cancellationToken).ConfigureAwait(false);
        await StoreApi.EnsureTokenAcceptedAsync(context, warmupBuyers[0].AccessToken, "api/v1/me", cancellationToken).ConfigureAwait(false);
        await BenchSeed.ForEachAsync(context, warmupBuyers, (buyer, ct) =>
            new ValueTask(StoreApi.AddToCartAsync(context, product, 1, ct, accessToken: buyer.AccessToken)), cancellationToken).ConfigureAwait(false);
        long won = 0;
        await BenchSeed.ForEachAsync(context, warmupBuyers, async (buyer, ct) =>
        {
            if (await StoreApi.CheckoutAsync(context, buyer, version, ct).ConfigureAwait(false) is not null)
            {
                Interlocked.Increment(ref won);
            }
        }, cancellationToken).ConfigureAwait(false);
        context.Log($"flash-sale: warm-up sale, {buyers} buyers for {buyers / 2} units: {won} won");
        context.Figures.Set("setUpWarmupCheckouts", buyers);
    }
}
