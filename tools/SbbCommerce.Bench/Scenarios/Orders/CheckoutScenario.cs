using System.Globalization;
using SbbCommerce.Bench.Cli;
using SbbCommerce.Bench.Running;
using SbbCommerce.Bench.Scenarios.Commerce;

namespace SbbCommerce.Bench.Scenarios.Orders;

/// <summary>
/// POST /checkout without contention: every request is a different buyer checking out one unit of a product of
/// their own, so no two requests touch the same stock row. A buyer checks out once, so the run is bounded by count
/// (--requests, default 2,000) and set-up prepares one buyer per request: a verified customer with a Texas address
/// and a signed token (database), one product with ample stock (database), one line in the cart (API).
/// </summary>
internal sealed class CheckoutScenario : ScenarioBase
{
    private const int DefaultBuyers = 2_000;
    private const int ProductStock = 1_000_000;

    private string _run = string.Empty;
    private BenchBuyer[] _buyers = [];
    private Guid[] _products = [];
    private byte[][] _bodies = [];
    private int _cursor = -1;

    public override string Name => "checkout";

    public override string Description =>
        "POST /api/v1/checkout, one buyer and one product of their own per request (no contention); by count, --requests buyers (default 2000).";

    public override BenchOptions Configure(BenchOptions options) =>
        OneShotRun.Configure(options, Name, DefaultBuyers, setUpWarmupRequests: Math.Min(256, 2 * options.Concurrency));

    public override async Task SetUpAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = (int)context.Options.Requests!.Value;
        var warmup = context.Options.SetUpWarmupRequests;
        _run = BenchSeed.NewRunId();
        var version = await StoreApi.GetComplianceVersionAsync(context, cancellationToken).ConfigureAwait(false);

        var products = await BenchSeed.CreateProductsAsync(context, _run, "co", count + warmup, ProductStock, cancellationToken).ConfigureAwait(false);
        var buyers = await BenchSeed.CreateBuyersAsync(context, BenchTokenSigner.For(context.Options), _run, "co", count + warmup, cancellationToken)
            .ConfigureAwait(false);
        await StoreApi.EnsureTokenAcceptedAsync(context, buyers[0].AccessToken, "api/v1/me", cancellationToken).ConfigureAwait(false);
        context.Log($"checkout: run {_run}, {buyers.Length} buyers and products created; filling carts");
        await BenchSeed.ForEachAsync(context, Enumerable.Range(0, buyers.Length), (i, ct) =>
            new ValueTask(StoreApi.AddToCartAsync(context, products[i], 1, ct, accessToken: buyers[i].AccessToken)), cancellationToken).ConfigureAwait(false);

        if (warmup > 0)
        {
            context.Log($"checkout: {warmup} warm-up checkouts");
            await BenchSeed.ForEachAsync(context, buyers[count..], async (buyer, ct) =>
            {
                if (await StoreApi.CheckoutAsync(context, buyer, version, ct).ConfigureAwait(false) is null)
                {
                    throw new InvalidOperationException("A warm-up checkout was refused as sold out.");
                }
            }, cancellationToken).ConfigureAwait(false);
        }

        _buyers = buyers[..count];
        _products = products[..count];
        _bodies = _buyers.Select(buyer => StoreApi.CheckoutBody(buyer, version)).ToArray();
        context.Figures.Set("run", _run);
        context.Figures.Set("buyers", count);
        context.Figures.Set("complianceVersion", version);
        context.Figures.Set("setUpWarmupCheckouts", warmup);
        Target = new Uri(context.ApiBaseUrl, "api/v1/checkout");
    }

    public override HttpRequestMessage CreateRequest(int workerIndex, long iteration)
    {
        var index = OneShotRun.Next(ref _cursor, _buyers.Length);
        return StoreApi.Post(Target!, _bodies[index], _buyers[index].AccessToken, $"bench-{_run}-checkout-{index}");
    }

    public override async Task<Verification> VerifyAsync(BenchContext context, RunResult result, CancellationToken cancellationToken)
    {
        await using var command = context.Database.CreateCommand("""
            SELECT (SELECT count(DISTINCT order_id) FROM order_items WHERE product_id = ANY(@products)),
                   (SELECT coalesce(sum(quantity_reserved), 0) FROM products WHERE id = ANY(@products))
            """);
        command.Parameters.AddWithValue("products", _products);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var orders = reader.GetInt64(0);
        var reserved = reader.GetInt64(1);
        var created = result.Outcomes.GetValueOrDefault("201");
        context.Figures.Set("ordersCreated", orders);
        context.Figures.Set("unitsReserved", reserved);

        // A request that got no answer (timeout, reset) may or may not have placed its order.
        var unanswered = result.TransportErrors;
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{orders} orders and {reserved} units reserved for {created} answers 201 ({unanswered} requests unanswered)");
        return orders == reserved && orders >= created && orders <= created + unanswered
            ? Verification.Passed(detail)
            : Verification.Failed(detail);
    }
}
