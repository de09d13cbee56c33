using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SbbCommerce.Fakes;

/// <summary>
/// A fake Epicor Propello on a loopback port that enforces the adapter's wire rules of API.md: the API key in
/// <c>Authorization</c> at <c>/authenticate</c> for a bearer token that expires, <c>X-Active-Store</c>, a
/// <c>SbbCommerce/</c> User-Agent, an <c>Idempotency-Key</c> on every write (a replayed key answers 409 with the
/// first id and is recorded once), snake_case JSON and no time with a <c>Z</c> suffix. Faults can be queued
/// (status codes, Retry-After, slowness) to play an ERP that is unwell.
/// </summary>
public sealed partial class FakePropello : IAsyncDisposable
{
    public const string ApiKey = "fake-propello-api-key";
    public const string StoreId = "store-sbb-1";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokens = new();
    private readonly ConcurrentDictionary<string, FakeErpRecord> _byKey = new();
    private readonly ConcurrentQueue<FakeFault> _faults = new();
    private long _sequence;
    private int _authentications;
    private int _replays;

    private FakePropello(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>How long a token lives (set before a run; <see cref="ExpireTokens"/> ends them at once).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Delay added to every write (a slow ERP, or the bench's network).</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    public int Authentications => _authentications;

    /// <summary>Writes that repeated an already recorded Idempotency-Key.</summary>
    public int Replays => _replays;

    /// <summary>Accepted writes, once per Idempotency-Key, in the order they arrived.</summary>
    public IReadOnlyList<FakeErpRecord> Records => _byKey.Values.OrderBy(r => r.Sequence).ToList();

    /// <summary>Every request refused for breaking a wire rule (should stay empty).</summary>
    public ConcurrentQueue<string> RuleViolations { get; } = new();

    public static async Task<FakePropello> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakePropello(app);
        app.MapPost("/authenticate", fake.Authenticate);
        app.MapPut("/customers/{id}", (Delegate)((HttpContext c) => fake.WriteAsync(c, "customer")));
        app.MapPut("/items/{sku}", (Delegate)((HttpContext c) => fake.WriteAsync(c, "item")));
        app.MapPost("/sales_orders", (Delegate)((HttpContext c) => fake.WriteAsync(c, "sales_order")));
        app.MapPost("/payments", (Delegate)((HttpContext c) => fake.WriteAsync(c, "payment")));
        app.MapPost("/shipments", (Delegate)((HttpContext c) => fake.WriteAsync(c, "shipment")));
        app.MapPost("/credit_memos", (Delegate)((HttpContext c) => fake.WriteAsync(c, "credit_memo")));
        app.MapGet("/items", fake.ListItems);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetService(typeof(IServer)) is IServer server
            ? server.Features.Get<IServerAddressesFeature>()!.Addresses.First()
            : throw new InvalidOperationException("No server.");
        return fake;
    }

    /// <summary>The ERP's item quantities, served by <c>GET /items</c> (the pull), newest update last.</summary>
    public ConcurrentQueue<FakeErpItem> Items { get; } = new();

    /// <summary>Every <c>updated_after</c> the pull asked for, in order.</summary>
    public ConcurrentQueue<string> PullRequests { get; } = new();

    /// <summary>The next writes meet these faults, one each, in order.</summary>
    public void Enqueue(params FakeFault[] faults)
    {
        foreach (var fault in faults)
        {
            _faults.Enqueue(fault);
        }
    }

    /// <summary>Every issued token stops working now: the next call gets 401.</summary>
    public void ExpireTokens() => _tokens.Clear();

    public IReadOnlyList<FakeErpRecord> RecordsOf(string kind) => Records.Where(r => r.Kind == kind).ToList();

    private IResult Authenticate(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != ApiKey)
        {
            return Results.Json(new { error = "invalid api key" }, statusCode: 401);
        }

        if (CheckScope(context) is { } violation)
        {
            return violation;
        }

        Interlocked.Increment(ref _authentications);
        var token = Guid.NewGuid().ToString("N");
        _tokens[token] = DateTimeOffset.UtcNow + TokenLifetime;
        return Results.Json(new { access_token = token, expires_in = (int)TokenLifetime.TotalSeconds });
    }

    private IResult ListItems(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(authorization["Bearer ".Length..]))
        {
            return Results.Json(new { error = "invalid or expired token" }, statusCode: 401);
        }

        if (CheckScope(context) is { } violation)
        {
            return violation;
        }

        var after = context.Request.Query["updated_after"].ToString();
        if (ZuluTime().IsMatch(after) || !DateTimeOffset.TryParse(after, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var since))
        {
            return Violation($"updated_after must be a time with a numeric offset: {after}");
        }

        var limit = int.TryParse(context.Request.Query["limit"], out var l) ? l : 500;
        var page = int.TryParse(context.Request.Query["page"], out var p) ? p : 1;
        if (limit > 500)
        {
            return Violation("limit above 500");
        }

        PullRequests.Enqueue(after);
        var changed = Items.Where(i => i.UpdateDatetime > since).OrderBy(i => i.UpdateDatetime).ToList();
        var slice = changed.Skip((page - 1) * limit).Take(limit).Select(i => new
        {
            sku = i.Sku,
            quantity_on_hand = i.QuantityOnHand,
            update_datetime = i.UpdateDatetime.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", System.Globalization.CultureInfo.InvariantCulture),
        });
        return Results.Json(new { items = slice, has_more = changed.Count > page * limit });
    }

    private async Task<IResult> WriteAsync(HttpContext context, string kind)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal)
            || !_tokens.TryGetValue(authorization["Bearer ".Length..], out var expires) || expires <= DateTimeOffset.UtcNow)
        {
            return Results.Json(new { error = "invalid or expired token" }, statusCode: 401);
        }

        if (CheckScope(context) is { } violation)
        {
            return violation;
        }

        var key = context.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0)
        {
            return Violation("a write without Idempotency-Key");
        }

        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        if (CheckBody(body) is { } bodyViolation)
        {
            return bodyViolation;
        }

        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, context.RequestAborted);
        }

        if (_faults.TryDequeue(out var fault))
        {
            if (fault.Delay is { } delay)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            if (fault.Status is { } status)
            {
                if (fault.RetryAfterSeconds is { } seconds)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return Results.Json(new { error = "fault injected" }, statusCode: status);
            }
        }

        var record = new FakeErpRecord(kind, key, context.Request.Method, context.Request.Path, body, $"ERP-{kind}-{Interlocked.Increment(ref _sequence)}",
            Interlocked.Read(ref _sequence), DateTimeOffset.UtcNow);
        var stored = _byKey.GetOrAdd(key, record);
        if (!ReferenceEquals(stored, record))
        {
            Interlocked.Increment(ref _replays);
            return Results.Json(new { id = stored.ErpId, error = "duplicate idempotency key" }, statusCode: 409);
        }

        return Results.Json(Answer(stored), statusCode: 201);
    }

    // A sales order's answer carries the ERP's line ids keyed by our order item id.
    private static Dictionary<string, object> Answer(FakeErpRecord record)
    {
        var answer = new Dictionary<string, object> { ["id"] = record.ErpId };
        if (record.Kind == "sales_order")
        {
            using var document = JsonDocument.Parse(record.Body);
            answer["line_ids"] = document.RootElement.GetProperty("lines").EnumerateArray()
                .Select((line, i) => (Id: line.GetProperty("order_item_id").GetString()!, i))
                .ToDictionary(x => x.Id, x => $"{record.ErpId}-L{x.i + 1}");
        }

        return answer;
    }

    private IResult? CheckScope(HttpContext context)
    {
        if (context.Request.Headers["X-Active-Store"].ToString() != StoreId)
        {
            return Violation("missing or wrong X-Active-Store");
        }

        return context.Request.Headers.UserAgent.ToString().StartsWith("SbbCommerce/", StringComparison.Ordinal)
            ? null
            : Violation("missing User-Agent");
    }

    private IResult? CheckBody(string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Violation("a body that is not JSON");
        }

        using (document)
        {
            return FirstViolation(document.RootElement) is { } problem ? Violation(problem) : null;
        }
    }

    private static string? FirstViolation(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!SnakeCase().IsMatch(property.Name))
                    {
                        return $"a property not in snake_case: {property.Name}";
                    }

                    if (FirstViolation(property.Value) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.Array:
                return element.EnumerateArray().Select(FirstViolation).FirstOrDefault(v => v is not null);
            case JsonValueKind.String when ZuluTime().IsMatch(element.GetString()!):
                return $"a time with a Z suffix: {element.GetString()}";
            default:
                return null;
        }
    }

    private IResult Violation(string rule)
    {
        RuleViolations.Enqueue(rule);
        return Results.Json(new { error = rule }, statusCode: (int)HttpStatusCode.BadRequest);
    }

    [GeneratedRegex("^[a-z0-9_]+$")]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$")]
    private static partial Regex ZuluTime();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One write the fake accepted.</summary>
public sealed record FakeErpRecord(
    string Kind, string IdempotencyKey, string Method, string Path, string Body, string ErpId, long Sequence, DateTimeOffset ReceivedAt);

/// <summary>One item quantity the fake ERP reports.</summary>
public sealed record FakeErpItem(string Sku, int QuantityOnHand, DateTimeOffset UpdateDatetime);

/// <summary>What the next write meets: a status (with Retry-After), a delay, or both.</summary>
public sealed record FakeFault(int? Status, int? RetryAfterSeconds = null, TimeSpan? Delay = null)
{
    public static FakeFault Answer(int status, int? retryAfterSeconds = null) => new(status, retryAfterSeconds);

    public static FakeFault Slow(TimeSpan delay) => new(null, null, delay);
}
