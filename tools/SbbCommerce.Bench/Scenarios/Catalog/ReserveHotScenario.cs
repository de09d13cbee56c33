using System.Globalization;
using System.Net;
using System.Text.Json;
using SbbCommerce.Bench.Running;
using SbbCommerce.Bench.Scenarios.Commerce;

namespace SbbCommerce.Bench.Scenarios.Catalog;

/// <summary>
/// Stock contention on one row: every request reserves 1 unit of the same product through the inventory service,
/// by the test-only route POST /_diagnostics/inventory/reserve (mapped only when the host runs in Development or
/// Testing). Set-up creates the product with --stock units (default 10,000,000, so it never sells out in a run).
/// Afterwards quantity_reserved must equal the reservations answered 200 (warm-up included) and never exceed on
/// hand; a sold-out 422 is a right answer only once every unit is reserved.
/// </summary>
internal sealed class ReserveHotScenario : ScenarioBase
{
    private const long DefaultStock = 10_000_000;

    private Guid _product;
    private long _stock;
    private byte[] _body = [];
    private long _issued;
    private long _reserved;
    private long _soldOut;
    private long _answered;

    public override string Name => "reserve-hot";

    public override string Description =>
        "POST /api/v1/_diagnostics/inventory/reserve, 1 unit of one product per request (host in Development); --stock units (default 10000000).";

    public override async Task SetUpAsync(BenchContext context, CancellationToken cancellationToken)
    {
        _stock = context.Options.Stock ?? DefaultStock;
        var run = BenchSeed.NewRunId();
        _product = (await BenchSeed.CreateProductsAsync(context, run, "rh", 1, _stock, cancellationToken).ConfigureAwait(false))[0];
        _body = JsonSerializer.SerializeToUtf8Bytes(new { lines = new[] { new { productId = _product, quantity = 1 } } });
        Target = new Uri(context.ApiBaseUrl, "api/v1/_diagnostics/inventory/reserve");

        // One reservation first: a host outside Development has no such route, and that should stop the set-up, not
        // show up as a run of 404s. The unit it reserves is counted like any other.
        using var request = StoreApi.Post(Target, _body);
        using var response = await context.Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {Target} answered {(int)response.StatusCode}"
                + (response.StatusCode == HttpStatusCode.NotFound ? " (the route exists only when the host runs with ASPNETCORE_ENVIRONMENT=Development)" : string.Empty)
                + ": " + await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }

        _reserved = 1;
        context.Figures.Set("run", run);
        context.Figures.Set("productId", _product.ToString());
        context.Figures.Set("stock", _stock);
    }

    public override HttpRequestMessage CreateRequest(int workerIndex, long iteration)
    {
        Interlocked.Increment(ref _issued);
        return StoreApi.Post(Target!, _body);
    }

    public override bool IsExpected(HttpStatusCode statusCode) => statusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity;

    // Counts warm-up answers too: every reservation the host granted is in quantity_reserved.
    public override ValueTask OnResponseAsync(int workerIndex, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _answered);
        if (response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref _reserved);
        }
        else if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            Interlocked.Increment(ref _soldOut);
        }

        return ValueTask.CompletedTask;
    }

    public override async Task<Verification> VerifyAsync(BenchContext context, RunResult result, CancellationToken cancellationToken)
    {
        await using var command = context.Database.CreateCommand("SELECT quantity_reserved, quantity_on_hand FROM products WHERE id = @product");
        command.Parameters.AddWithValue("product", _product);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        long reserved = reader.GetInt32(0);
        long onHand = reader.GetInt32(1);

        var granted = Interlocked.Read(ref _reserved);
        var soldOut = Interlocked.Read(ref _soldOut);

        // A request that got no answer (timeout, reset) may or may not have reserved its unit.
        var unanswered = Interlocked.Read(ref _issued) - Interlocked.Read(ref _answered);
        context.Figures.Set("reservationsGranted", granted);
        context.Figures.Set("soldOutAnswers", soldOut);
        context.Figures.Set("requestsUnanswered", unanswered);
        context.Figures.Set("quantityReserved", reserved);
        context.Figures.Set("quantityOnHand", onHand);

        var detail = string.Create(CultureInfo.InvariantCulture,
            $"quantity_reserved {reserved} of {onHand} on hand; {granted} reservations answered 200 (set-up and warm-up included), "
            + $"{soldOut} sold out, {unanswered} unanswered");
        if (reserved > onHand)
        {
            return Verification.Failed("oversold: " + detail);
        }

        if (reserved < granted || reserved > granted + unanswered)
        {
            return Verification.Failed("reserved differs from the reservations granted: " + detail);
        }

        // quantity_reserved only grows here, so a refusal means the shelf was empty, and then it stays empty.
        return soldOut > 0 && reserved != onHand
            ? Verification.Failed("refused while units remained: " + detail)
            : Verification.Passed(detail);
    }
}
