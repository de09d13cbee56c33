using System.Globalization;
using SbbCommerce.Bench.Running;
using SbbCommerce.Bench.Scenarios.Commerce;

namespace SbbCommerce.Bench.Scenarios.Cart;

/// <summary>
/// The viral visitor's first add: POST /cart/items {productId, quantity: 1} as an anonymous visitor, a new one
/// every request (X-Anonymous-Id bench-{run}-{worker}-{iteration}), so each request creates a cart with one line.
/// The product is created in set-up with ample stock (carts reserve nothing, so it never runs out). Afterwards
/// the run's carts must be exactly the adds answered 200 (warm-up included), each with one line.
/// </summary>
internal sealed class CartAddScenario : ScenarioBase
{
    private const long ProductStock = 1_000_000;

    private string _run = string.Empty;
    private byte[] _body = [];
    private long _added;

    public override string Name => "cart-add";

    public override string Description =>
        "POST /api/v1/cart/items, 1 unit, as a new anonymous visitor each request (X-Anonymous-Id): the first add that creates a cart.";

    public override async Task SetUpAsync(BenchContext context, CancellationToken cancellationToken)
    {
        _run = BenchSeed.NewRunId();
        var product = (await BenchSeed.CreateProductsAsync(context, _run, "ca", 1, ProductStock, cancellationToken).ConfigureAwait(false))[0];
        _body = StoreApi.AddToCartBody(product, 1);
        Target = new Uri(context.ApiBaseUrl, "api/v1/cart/items");
        context.Figures.Set("run", _run);
        context.Figures.Set("productId", product.ToString());
    }

    public override HttpRequestMessage CreateRequest(int workerIndex, long iteration)
    {
        var request = StoreApi.Post(Target!, _body);
        request.Headers.Add("X-Anonymous-Id", string.Create(CultureInfo.InvariantCulture, $"bench-{_run}-{workerIndex}-{iteration}"));
        return request;
    }

    // Counts warm-up answers too: each created a cart.
    public override ValueTask OnResponseAsync(int workerIndex, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref _added);
        }

        return ValueTask.CompletedTask;
    }

    public override async Task<Verification> VerifyAsync(BenchContext context, RunResult result, CancellationToken cancellationToken)
    {
        await using var command = context.Database.CreateCommand("""
            SELECT count(*), count(*) FILTER (WHERE lines = 1 AND units = 1)
            FROM (SELECT c.id, count(i.id) AS lines, coalesce(sum(i.quantity), 0) AS units
                  FROM carts c LEFT JOIN cart_items i ON i.cart_id = c.id
                  WHERE c.anonymous_id LIKE @prefix
                  GROUP BY c.id) AS run_carts
            """);
        command.Parameters.AddWithValue("prefix", $"bench-{_run}-%");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var carts = reader.GetInt64(0);
        var oneLine = reader.GetInt64(1);
        var added = Interlocked.Read(ref _added);
        context.Figures.Set("cartsCreated", carts);
        context.Figures.Set("addsAnswered200", added);

        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{carts} carts of this run ({oneLine} with exactly one line of 1 unit) for {added} adds answered 2xx (warm-up included)");
        return carts == added && oneLine == carts ? Verification.Passed(detail) : Verification.Failed(detail);
    }
}
