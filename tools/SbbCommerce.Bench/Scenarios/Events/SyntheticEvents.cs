using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace SbbCommerce.Bench.Scenarios.Events;

/// <summary>
/// Synthetic storefront traffic COPYed straight into <c>events</c> (the rollup triggers keep the reports' tables as
/// they would for the ingest): anonymous visitors of ten events on average over <see cref="Days"/> days before today
/// (UTC), 60 % arriving with a UTM (six sources, twenty campaigns), each viewing one to six of 500 products; 35 % add
/// to the cart, and of them 40 % start checkout, 80 % of those complete it and 70 % of those pay. Session ids start
/// with <see cref="SessionPrefix"/>; a visitor's events are consecutive, seconds apart, in one COPY.
/// </summary>
internal static class SyntheticEvents
{
    public const string SessionPrefix = "synth-";
    public const int Days = 30;
    private const int RowsPerCopy = 20_000;
    private const int Products = 500;

    private static readonly (string Source, string Medium)[] Sources =
        [("tiktok", "social"), ("instagram", "social"), ("google", "cpc"), ("facebook", "paid_social"), ("youtube", "video"), ("newsletter", "email")];

    /// <summary>The first day of the window (UTC): the synthetic events fall in [start, start + Days).</summary>
    public static DateOnly WindowStart(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(-Days);

    public static async Task<long> CountAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT count(*) FROM events WHERE session_id LIKE 'synth-%'");
        command.CommandTimeout = 600;
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>COPYs about <paramref name="count"/> events (whole visitors) for run <paramref name="run"/>.</summary>
    public static async Task<long> CopyAsync(
        NpgsqlDataSource database, string run, long count, DateOnly windowStart, Action<string> log, CancellationToken cancellationToken)
    {
        // A fixed seed: every run makes traffic of the same shape (the ids differ).
        var random = new Random(13);
        var products = Enumerable.Range(0, Products).Select(_ => Guid.CreateVersion7()).ToArray();
        var start = new DateTimeOffset(windowStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var window = TimeSpan.FromDays(Days) - TimeSpan.FromHours(1);
        var batch = new List<Row>(RowsPerCopy + 64);
        long written = 0;
        var nextLog = 1_000_000L;
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        for (var visitor = 0L; written + batch.Count < count; visitor++)
        {
            AddVisitor(batch, random, products, string.Create(CultureInfo.InvariantCulture, $"{SessionPrefix}{run}-{visitor}"),
                start + window * random.NextDouble());
            if (batch.Count >= RowsPerCopy)
            {
                written += await WriteAsync(connection, batch, cancellationToken).ConfigureAwait(false);
                if (written >= nextLog)
                {
                    log($"events-reports: {written:N0} synthetic events written");
                    nextLog += 1_000_000;
                }
            }
        }

        return written + await WriteAsync(connection, batch, cancellationToken).ConfigureAwait(false);
    }

    private static void AddVisitor(List<Row> batch, Random random, Guid[] products, string key, DateTimeOffset at)
    {
        (string, string, string)? utm = null;
        if (random.NextDouble() < 0.6)
        {
            var (source, medium) = Sources[random.Next(Sources.Length)];
            utm = (source, medium, string.Create(CultureInfo.InvariantCulture, $"campaign-{random.Next(20)}"));
        }

        var rows = new List<(string Name, Guid? Product)> { ("page.view", null) };
        var viewed = products[random.Next(products.Length)];
        rows.Add(("product.view", viewed));
        for (var more = random.Next(6); more > 0; more--)
        {
            rows.Add(("page.view", null));
            viewed = products[random.Next(products.Length)];
            rows.Add(("product.view", viewed));
        }

        if (random.NextDouble() < 0.35)
        {
            rows.Add(("cart.add", viewed));
            if (random.NextDouble() < 0.4)
            {
                rows.Add(("checkout.started", null));
                if (random.NextDouble() < 0.8)
                {
                    rows.Add(("checkout.completed", null));
                    if (random.NextDouble() < 0.7)
                    {
                        rows.Add(("payment.completed", null));
                    }
                }
            }
        }

        for (var filler = random.Next(4); filler > 0; filler--)
        {
            rows.Add(("page.view", null));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            at += TimeSpan.FromSeconds(1 + random.Next(60));
            batch.Add(new Row(rows[i].Name, key, i == 0 ? utm : null, rows[i].Product, at));
        }
    }

    private static async Task<int> WriteAsync(NpgsqlConnection connection, List<Row> batch, CancellationToken cancellationToken)
    {
        var count = batch.Count;
        if (count == 0)
        {
            return 0;
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY events (id, event_name, event_category, anonymous_id, session_id, utm_source, utm_medium, utm_campaign, product_id, created_at) " +
            "FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var row in batch)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(Guid.CreateVersion7(row.At), NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(row.Name, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(row.Name[..row.Name.IndexOf('.', StringComparison.Ordinal)], NpgsqlDbType.Varchar, cancellationToken)
                    .ConfigureAwait(false);
                await importer.WriteAsync(row.Visitor, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(row.Visitor, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await WriteOptionalAsync(importer, row.Utm?.Source, cancellationToken).ConfigureAwait(false);
                await WriteOptionalAsync(importer, row.Utm?.Medium, cancellationToken).ConfigureAwait(false);
                await WriteOptionalAsync(importer, row.Utm?.Campaign, cancellationToken).ConfigureAwait(false);
                if (row.Product is { } product)
                {
                    await importer.WriteAsync(product, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }

                await importer.WriteAsync(row.At, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        batch.Clear();
        return count;
    }

    private static Task WriteOptionalAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, NpgsqlDbType.Varchar, cancellationToken);

    private sealed record Row(string Name, string Visitor, (string Source, string Medium, string Campaign)? Utm, Guid? Product, DateTimeOffset At);
}
