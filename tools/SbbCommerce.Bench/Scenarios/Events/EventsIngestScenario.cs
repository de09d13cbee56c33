using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SbbCommerce.Bench.Running;
using SbbCommerce.Bench.Running.RawHttp;
using SbbCommerce.Bench.Scenarios.Commerce;

namespace SbbCommerce.Bench.Scenarios.Events;

/// <summary>
/// The viral burst of storefront events: POST /events with 50 events a request (one session id per request,
/// <c>bench-{run}-{connection}-{sequence}</c>, properties <c>{"i": 0..49}</c>). Afterwards it waits until every event
/// answered 202 is in the table (202 means queued; the drain is timed on the last accepted requests' sessions, found
/// through the anonymous-id index, because a count over the whole table takes longer than the drain) and checks each accepted request's session holds exactly its 50
/// distinct events and no refused request left any; then it COPYs the same number of rows of the same shape
/// straight into events (binary COPY, batches of 5,000, one connection) and quotes ingest events/s against that.
/// </summary>
internal sealed class EventsIngestScenario : ScenarioBase, IRawHttpScenario
{
    private const string UserAgent =
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 357.0.0.25.101";
    public const int EventsPerRequest = 50;
    private const string SessionPlaceholder = "{{SESSION}}";
    private const int RawCopyBatch = 5_000;
    private const int DrainSample = 256;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    // Accepted sessions with the order their 202 arrived in (the drain is timed on the last ones).
    private readonly ConcurrentDictionary<string, long> _accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.Ordinal);
    private long _answers;
    private string _run = string.Empty;
    // The request body in UTF-8 around its session-id placeholders: a request is 51 copies, not a 20 KB string
    // replaced and encoded (the bench shares the machine with what it measures; for the same reason the requests go out
    // through RawHttpRunner, not HttpClient).
    private byte[][] _templateParts = [];
    private int _templateLength;
    // The request line and the headers every request shares.
    private string _requestHead = string.Empty;
    private Guid _product;

    public override string Name => "events-ingest";

    public override string Description =>
        "POST /api/v1/events with 50 events a request (anonymous visitor); verifies every accepted event is in the table exactly once " +
        "and quotes events/s against a raw binary COPY of the same rows.";

    public override async Task SetUpAsync(BenchContext context, CancellationToken cancellationToken)
    {
        _run = BenchSeed.NewRunId();
        _product = (await BenchSeed.CreateProductsAsync(context, _run, "ev", 1, 1_000, cancellationToken).ConfigureAwait(false))[0];
        var events = Enumerable.Range(0, EventsPerRequest).Select(i => new
        {
            eventName = i % 5 == 0 ? "page.view" : "product.view",
            eventCategory = i % 5 == 0 ? "page" : "product",
            sessionId = SessionPlaceholder,
            pageUrl = "https://sciencebasedbody.com/products/bpc-157-5mg?utm_source=tiktok&utm_medium=social&utm_campaign=viral",
            referrerUrl = "https://www.tiktok.com/",
            utmSource = "tiktok",
            utmMedium = "social",
            utmCampaign = "viral",
            productId = i % 5 == 0 ? (Guid?)null : _product,
            screenResolution = "390x844",
            properties = new { i, price = 4999 },
        });
        _templateParts = [.. JsonSerializer.Serialize(new { events }).Split(SessionPlaceholder).Select(Encoding.UTF8.GetBytes)];
        _templateLength = _templateParts.Sum(part => part.Length);
        Target = new Uri(context.ApiBaseUrl, "api/v1/events");
        _requestHead = $"POST {Target.PathAndQuery} HTTP/1.1\r\nHost: {Target.Authority}\r\nContent-Type: application/json\r\nUser-Agent: {UserAgent}\r\n";
        context.Figures.Set("run", _run);
        context.Figures.Set("eventsPerRequest", EventsPerRequest);
    }

    public override HttpRequestMessage CreateRequest(int workerIndex, long iteration) =>
        throw new NotSupportedException($"{Name} is sent by {nameof(RawHttpRunner)} (CreateRawRequest).");

    public RawRequest CreateRawRequest(int connection, long sequence)
    {
        var session = SessionOf(connection, sequence);
        var sessionBytes = Encoding.ASCII.GetBytes(session);
        var bodyLength = _templateLength + ((_templateParts.Length - 1) * sessionBytes.Length);
        var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{_requestHead}Content-Length: {bodyLength}\r\nX-Anonymous-Id: {session}\r\n\r\n"));
        var bytes = new byte[head.Length + bodyLength];
        head.CopyTo(bytes, 0);
        var at = head.Length;
        for (var index = 0; index < _templateParts.Length; index++)
        {
            if (index > 0)
            {
                sessionBytes.CopyTo(bytes, at);
                at += sessionBytes.Length;
            }

            _templateParts[index].CopyTo(bytes, at);
            at += _templateParts[index].Length;
        }

        return new RawRequest(bytes, session);
    }

    /// <summary>429 ingest_overloaded is an expected answer under a burst (the client retries); it is counted apart.</summary>
    public override bool IsExpected(HttpStatusCode statusCode) => statusCode is HttpStatusCode.Accepted or HttpStatusCode.TooManyRequests;

    public void OnRawResponse(RawRequest request, HttpStatusCode statusCode)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (statusCode == HttpStatusCode.Accepted)
        {
            _accepted[request.Tag] = Interlocked.Increment(ref _answers);
        }
        else
        {
            _refused[request.Tag] = true;
        }
    }

    public override async Task<Verification> VerifyAsync(BenchContext context, RunResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        var expected = (long)_accepted.Count * EventsPerRequest;
        var drain = Stopwatch.StartNew();
        var latest = _accepted.OrderByDescending(session => session.Value).Take(DrainSample).Select(session => session.Key).ToArray();
        while (await CountSessionsAsync(context, latest, cancellationToken).ConfigureAwait(false) < (long)latest.Length * EventsPerRequest
               && drain.Elapsed < DrainTimeout)
        {
            // Polling the table is the only way to see a queue in another process empty.
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        var drainSeconds = drain.Elapsed.TotalSeconds;
        long stored;
        while ((stored = await CountAsync(context, cancellationToken).ConfigureAwait(false)) < expected && drain.Elapsed < DrainTimeout)
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        var (sessions, exact, strays, unanswered, partial) = await CheckSessionsAsync(context, cancellationToken).ConfigureAwait(false);
        var measuredRequests = result.Requests;
        var acceptedShare = _accepted.Count + _refused.Count == 0 ? 0 : (double)_accepted.Count / (_accepted.Count + _refused.Count);
        var eventsPerSecond = result.MeasuredSeconds > 0 ? measuredRequests * acceptedShare * EventsPerRequest / result.MeasuredSeconds : 0;

        // 202 means queued: what the writers made durable per second counts the drain after the window too.
        var durablePerSecond = result.MeasuredSeconds > 0 ? eventsPerSecond * result.MeasuredSeconds / (result.MeasuredSeconds + drainSeconds) : 0;
        var rawRows = (int)Math.Min(Math.Max(expected, RawCopyBatch), 2_000_000);
        var rawSeconds = await RawCopyAsync(context, rawRows, cancellationToken).ConfigureAwait(false);
        var rawPerSecond = rawRows / rawSeconds;

        context.Figures.Set("requestsAccepted", _accepted.Count);
        context.Figures.Set("requestsRefused429", _refused.Count);
        context.Figures.Set("eventsAccepted", expected);
        context.Figures.Set("eventsStored", stored);
        context.Figures.Set("drainSecondsAfterRun", Math.Round(drainSeconds, 3));
        context.Figures.Set("ingestEventsPerSecond", Math.Round(eventsPerSecond));
        context.Figures.Set("rawCopyRows", rawRows);
        context.Figures.Set("rawCopyEventsPerSecond", Math.Round(rawPerSecond));
        context.Figures.Set("ingestToRawCopyRatio", Math.Round(eventsPerSecond / rawPerSecond, 3));
        context.Figures.Set("durableEventsPerSecond", Math.Round(durablePerSecond));
        context.Figures.Set("durableToRawCopyRatio", Math.Round(durablePerSecond / rawPerSecond, 3));

        var detail = string.Create(CultureInfo.InvariantCulture,
            $"{stored} events stored for {expected} accepted ({_accepted.Count} requests, {_refused.Count} refused 429); " +
            $"{exact} of {sessions} sessions hold exactly their {EventsPerRequest} distinct events, {strays} sessions of refused requests found, " +
            $"{unanswered} sessions of requests cut off unanswered when the load stopped found whole ({partial} partial); " +
            $"drained {drainSeconds:0.000} s after the run; ingest {eventsPerSecond:0} events/s vs raw COPY {rawPerSecond:0} rows/s " +
            $"(ratio {eventsPerSecond / rawPerSecond:0.000}); durable {durablePerSecond:0} events/s counting the drain (ratio {durablePerSecond / rawPerSecond:0.000})");
        // Requests still in flight when a load is stopped (checkout-under-ingest stops ingest by cancelling) got no
        // answer: the host may have taken them whole, never in part.
        return stored >= expected && sessions == _accepted.Count && exact == sessions && strays == 0 && partial == 0
            ? Verification.Passed(detail)
            : Verification.Failed(detail);
    }

    private string SessionOf(int connection, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"bench-{_run}-{connection}-{sequence}");

    /// <summary>Events stored for these sessions (each request's session is its X-Anonymous-Id: an index lookup apiece).</summary>
    private static async Task<long> CountSessionsAsync(BenchContext context, string[] sessions, CancellationToken cancellationToken)
    {
        await using var command = context.Database.CreateCommand("SELECT count(*) FROM events WHERE anonymous_id = ANY (@sessions)");
        command.Parameters.AddWithValue("sessions", sessions);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private async Task<long> CountAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await using var command = context.Database.CreateCommand("SELECT count(*) FROM events WHERE session_id LIKE @prefix");
        command.Parameters.AddWithValue("prefix", $"bench-{_run}-%");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Sessions of accepted requests found and those with exactly 50 rows and 50 distinct properties.i; sessions of
    /// refused (429) requests found; sessions of unanswered requests found whole, and found in part.
    /// </summary>
    private async Task<(long Sessions, long Exact, long Strays, long Unanswered, long Partial)> CheckSessionsAsync(
        BenchContext context, CancellationToken cancellationToken)
    {
        await using var command = context.Database.CreateCommand("""
            SELECT session_id, count(*), count(DISTINCT properties->>'i') FROM events WHERE session_id LIKE @prefix GROUP BY session_id
            """);
        command.Parameters.AddWithValue("prefix", $"bench-{_run}-%");
        long sessions = 0, exact = 0, strays = 0, unanswered = 0, partial = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var session = reader.GetString(0);
            var whole = reader.GetInt64(1) == EventsPerRequest && reader.GetInt64(2) == EventsPerRequest;
            if (_accepted.ContainsKey(session))
            {
                sessions++;
                exact += whole ? 1 : 0;
            }
            else if (_refused.ContainsKey(session))
            {
                strays++;
            }
            else if (whole)
            {
                unanswered++;
            }
            else
            {
                partial++;
            }
        }

        return (sessions, exact, strays, unanswered, partial);
    }

    /// <summary>The same rows (columns the API fills) COPYed straight in: the ceiling the ingest is quoted against.</summary>
    private async Task<double> RawCopyAsync(BenchContext context, int rows, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        await using var connection = await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        for (var written = 0; written < rows; written += RawCopyBatch)
        {
            await using var importer = await connection.BeginBinaryImportAsync(
                "COPY events (id, event_name, event_category, anonymous_id, session_id, page_url, referrer_url, utm_source, utm_medium, " +
                "utm_campaign, product_id, properties, user_agent, device_type, browser, os, screen_resolution, created_at) FROM STDIN (FORMAT BINARY)",
                cancellationToken).ConfigureAwait(false);
            for (var i = written; i < Math.Min(rows, written + RawCopyBatch); i++)
            {
                var session = $"rawcopy-{_run}-{i / EventsPerRequest}";
                var page = i % 5 == 0;
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(page ? "page.view" : "product.view", NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(page ? "page" : "product", NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(session, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(session, NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync("https://sciencebasedbody.com/products/bpc-157-5mg?utm_source=tiktok&utm_medium=social&utm_campaign=viral",
                    NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync("https://www.tiktok.com/", NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync("tiktok", NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync("social", NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync("viral", NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                if (page)
                {
                    await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await importer.WriteAsync(_product, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                }

                await importer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{{\"i\": {i % EventsPerRequest}, \"price\": 4999}}"),
                    NpgsqlDbType.Jsonb, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Instagram", NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync("mobile", NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync("Instagram", NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync("iOS", NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync("390x844", NpgsqlDbType.Varchar, cancellationToken).ConfigureAwait(false);
                await importer.WriteAsync(DateTimeOffset.UtcNow, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        return started.Elapsed.TotalSeconds;
    }
}
