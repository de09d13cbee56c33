using Npgsql;
using SbbCommerce.Bench.Running;

namespace SbbCommerce.Bench.Scenarios.Integration;

/// <summary>
/// The outbox rows of one batch: queued in one statement (so the host sees them all at once), found again by their
/// destination and common <c>created_at</c> (the statement's <c>now()</c>), and turned into run figures.
/// </summary>
internal static class OutboxBenchData
{
    public const string ErpDestination = "epicor_propello";

    /// <summary>A destination no host sends, for the raw claim-and-mark baseline.</summary>
    public const string RawDestination = "bench_raw";

    // One item.upsert per product, the payload the ErpItemUpsert contract (camelCase) built from the product's own row,
    // as Catalog's ItemUpsertMessage writes it. created_at = scheduled_for = now(): one value for the whole batch.
    private const string QueueSql = """
        WITH queued AS (
            INSERT INTO webhooks_outbox (destination, event_type, payload, status, attempts, max_attempts, entity_type, entity_id, created_at, scheduled_for)
            SELECT @destination, 'item.upsert',
                   jsonb_build_object('productId', p.id, 'erpItemId', p.erp_item_id, 'sku', p.sku, 'name', p.name,
                       'productType', p.product_type::text, 'status', p.status::text, 'priceCents', p.price_cents,
                       'compareAtCents', p.compare_at_cents, 'costCents', p.cost_cents, 'trackInventory', p.track_inventory,
                       'weightGrams', p.weight_grams, 'deleted', p.deleted_at IS NOT NULL, 'updatedAt', p.updated_at),
                   'pending', 0, 12, 'product', p.id, now(), now()
              FROM unnest(@ids) WITH ORDINALITY AS t(id, n) JOIN products p ON p.id = t.id
             ORDER BY t.n
            RETURNING created_at)
        SELECT count(*), min(created_at) FROM queued
        """;

    private const string CountSql = """
        SELECT count(*) FILTER (WHERE status IN ('pending', 'failed', 'processing')), count(*) FILTER (WHERE status = 'sent')
          FROM webhooks_outbox WHERE destination = @destination AND created_at = @createdAt
        """;

    private const string ReadSql = """
        SELECT status, extract(epoch FROM sent_at - created_at) * 1000, sent_at
          FROM webhooks_outbox WHERE destination = @destination AND created_at = @createdAt
        """;

    /// <summary>Queues one message per product; returns the batch's created_at.</summary>
    public static async Task<DateTime> QueueItemUpsertsAsync(
        NpgsqlDataSource database, string destination, Guid[] productIds, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(QueueSql);
        command.Parameters.AddWithValue("destination", destination);
        command.Parameters.AddWithValue("ids", productIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var queued = reader.GetInt64(0);
        return queued == productIds.Length
            ? reader.GetDateTime(1)
            : throw new InvalidOperationException($"Queued {queued} messages for {productIds.Length} products.");
    }

    /// <summary>
    /// Polls until no message of the batch is open (pending, failed, processing), or the cap passes; returns whether
    /// the batch finished.
    /// </summary>
    public static async Task<bool> WaitUntilDrainedAsync(
        NpgsqlDataSource database, string destination, DateTime createdAt, TimeSpan cap, Action<string> log, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + cap;
        var lastLog = DateTime.UtcNow;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var command = database.CreateCommand(CountSql);
            command.Parameters.AddWithValue("destination", destination);
            command.Parameters.AddWithValue("createdAt", createdAt);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var (open, sent) = (reader.GetInt64(0), reader.GetInt64(1));
            if (open == 0)
            {
                return true;
            }

            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            if (DateTime.UtcNow - lastLog > TimeSpan.FromSeconds(5))
            {
                lastLog = DateTime.UtcNow;
                log($"{destination}: {sent} sent, {open} open");
            }
        }

        return false;
    }

    /// <summary>
    /// The batch as a run: requests = messages queued, responses = messages finished (sent or dead), unexpected =
    /// not sent, throughput = sent / (last sent_at - created_at), latency = lag sent_at - created_at per message.
    /// </summary>
    public static async Task<RunResult> ReadRunAsync(
        NpgsqlDataSource database, string scenario, string target, int concurrency, string destination, DateTime createdAt,
        long warmupMessages, string stopReason, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(ReadSql);
        command.Parameters.AddWithValue("destination", destination);
        command.Parameters.AddWithValue("createdAt", createdAt);
        var outcomes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var lags = new List<double>();
        var lastSent = createdAt;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var status = reader.GetString(0);
                outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
                if (status == "sent")
                {
                    lags.Add(reader.GetDouble(1));
                    var sentAt = reader.GetDateTime(2);
                    lastSent = sentAt > lastSent ? sentAt : lastSent;
                }
            }
        }

        var total = outcomes.Values.Sum();
        var finished = outcomes.GetValueOrDefault("sent") + outcomes.GetValueOrDefault("dead");
        var seconds = (lastSent - createdAt).TotalSeconds;
        return new RunResult
        {
            Scenario = scenario,
            Target = target,
            Concurrency = concurrency,
            WarmupSeconds = 0,
            MeasuredSeconds = Math.Round(seconds, 3),
            StopReason = stopReason,
            WarmupRequests = warmupMessages,
            Requests = total,
            Responses = finished,
            UnexpectedResponses = total - lags.Count,
            TransportErrors = 0,
            ThroughputRps = seconds > 0 ? Math.Round(lags.Count / seconds, 1) : 0,
            LatencyMs = LatencySummary.FromMilliseconds([.. lags]),
            Outcomes = outcomes,
        };
    }
}
