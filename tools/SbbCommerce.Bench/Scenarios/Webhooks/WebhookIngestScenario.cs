using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SbbCommerce.Bench.Running;
using SbbCommerce.Bench.Scenarios.Commerce;

namespace SbbCommerce.Bench.Scenarios.Webhooks;

/// <summary>
/// Signed ERP <c>inventory.updated</c> events posted to <c>/webhooks/epicor_propello</c> (Standard Webhooks, a new
/// webhook-id each), counts for 1,000 products created in set-up, each event's as-of time later than the one before.
/// The host stores each before answering; its inbox dispatcher applies them (start it with <c>SBB_BENCH_DISPATCH=1
/// scripts/bench-host.sh</c>). Afterwards: every delivery answered 200 is stored once and completed, processing lag
/// (processed_at - received_at) p50/p99, and every product's on-hand equals its newest count, whatever the order the
/// events were processed in.
/// </summary>
internal sealed class WebhookIngestScenario : ScenarioBase
{
    /// <summary>The bench's Standard Webhooks key; scripts/bench-host.sh configures the host with the same secret.</summary>
    public static readonly byte[] Secret = Encoding.ASCII.GetBytes("sbb-bench-webhook-secret-32bytes!!");

    private const int Products = 1_000;
    private static readonly TimeSpan ProcessingCap = TimeSpan.FromMinutes(3);

    private readonly ConcurrentDictionary<string, (long Sequence, int Quantity)> _newest = new(StringComparer.Ordinal);
    private string[] _skus = [];
    private string _run = string.Empty;
    private long _sequence;
    private long _accepted;
    private DateTimeOffset _base;

    public override string Name => "webhook-ingest";

    public override string Description =>
        "POST /api/v1/webhooks/epicor_propello, signed inventory.updated counts for 1,000 products; verifies each stored once, applied newest-wins, and the processing lag.";

    public override async Task SetUpAsync(BenchContext context, CancellationToken cancellationToken)
    {
        _run = BenchSeed.NewRunId();
        _base = DateTimeOffset.UtcNow;
        var ids = await BenchSeed.CreateProductsAsync(context, _run, "wh", Products, 1_000, cancellationToken).ConfigureAwait(false);
        await using var command = context.Database.CreateCommand("SELECT sku FROM products WHERE id = ANY(@ids) ORDER BY sku");
        command.Parameters.AddWithValue("ids", ids);
        var skus = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                skus.Add(reader.GetString(0));
            }
        }

        _skus = [.. skus];
        Target = new Uri(context.ApiBaseUrl, "api/v1/webhooks/epicor_propello");
        context.Figures.Set("run", _run);
    }

    public override HttpRequestMessage CreateRequest(int workerIndex, long iteration)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var sku = _skus[(int)(sequence % _skus.Length)];
        var quantity = (int)(sequence % 997) + 1;
        var asOf = _base.AddTicks(sequence * 10);
        _newest.AddOrUpdate(sku, (sequence, quantity), (_, old) => old.Sequence > sequence ? old : (sequence, quantity));
        var body = JsonSerializer.SerializeToUtf8Bytes(new { type = "inventory.updated", data = new { sku, quantityOnHand = quantity, asOf } });
        var id = string.Create(CultureInfo.InvariantCulture, $"bench_{_run}_{sequence}");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body];
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Secret, signed));
        var request = StoreApi.Post(Target!, body);
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", "v1," + signature);
        return request;
    }

    public override ValueTask OnResponseAsync(int workerIndex, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Interlocked.Increment(ref _accepted);
        }

        return ValueTask.CompletedTask;
    }

    public override async Task<Verification> VerifyAsync(BenchContext context, RunResult result, CancellationToken cancellationToken)
    {
        var prefix = $"bench_{_run}_%";
        var accepted = Interlocked.Read(ref _accepted);
        var deadline = DateTimeOffset.UtcNow + ProcessingCap;
        long stored = 0, open = 0;
        while (DateTimeOffset.UtcNow < deadline)
        {
            (stored, open) = await CountsAsync(context, prefix, cancellationToken).ConfigureAwait(false);
            if (open == 0 && stored >= accepted)
            {
                break;
            }

            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
        }

        await using var lag = context.Database.CreateCommand("""
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at)),
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM processed_at - received_at)),
                   count(*) FILTER (WHERE status = 'completed'), count(DISTINCT provider_event_id)
              FROM webhooks_inbox WHERE source = 'epicor_propello' AND provider_event_id LIKE @prefix
            """);
        lag.Parameters.AddWithValue("prefix", prefix);
        double p50 = 0, p99 = 0;
        long completed = 0, distinct = 0;
        await using (var reader = await lag.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (p50, p99) = (reader.IsDBNull(0) ? 0 : reader.GetDouble(0) * 1000, reader.IsDBNull(1) ? 0 : reader.GetDouble(1) * 1000);
            (completed, distinct) = (reader.GetInt64(2), reader.GetInt64(3));
        }

        var wrong = await WrongStockAsync(context, cancellationToken).ConfigureAwait(false);
        context.Figures.Set("deliveriesAnswered200", accepted);
        context.Figures.Set("stored", stored);
        context.Figures.Set("completed", completed);
        context.Figures.Set("processingLagP50Ms", p50);
        context.Figures.Set("processingLagP99Ms", p99);
        context.Figures.Set("productsWithWrongStock", wrong);
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{accepted} deliveries answered 200 (warm-up included), {stored} stored ({distinct} distinct ids), {completed} completed, {open} still open; {wrong} products whose on-hand is not their newest count");
        return stored == accepted && distinct == stored && completed == stored && open == 0 && wrong == 0
            ? Verification.Passed(detail)
            : Verification.Failed(detail);
    }

    private static async Task<(long Stored, long Open)> CountsAsync(BenchContext context, string prefix, CancellationToken cancellationToken)
    {
        await using var command = context.Database.CreateCommand("""
            SELECT count(*), count(*) FILTER (WHERE status IN ('pending', 'processing', 'failed'))
              FROM webhooks_inbox WHERE source = 'epicor_propello' AND provider_event_id LIKE @prefix
            """);
        command.Parameters.AddWithValue("prefix", prefix);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task<long> WrongStockAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await using var command = context.Database.CreateCommand("""
            SELECT count(*) FROM products p JOIN unnest(@skus, @quantities) AS e(sku, quantity) ON e.sku = p.sku
             WHERE p.quantity_on_hand <> e.quantity
            """);
        var newest = _newest.ToArray();
        command.Parameters.AddWithValue("skus", newest.Select(n => n.Key).ToArray());
        command.Parameters.AddWithValue("quantities", newest.Select(n => n.Value.Quantity).ToArray());
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
