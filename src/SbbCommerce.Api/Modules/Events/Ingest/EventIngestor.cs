using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using SbbCommerce.Api.Modules.Events.Writing;

namespace SbbCommerce.Api.Modules.Events.Ingest;

/// <summary>Who sent a POST /events request, as the server saw it.</summary>
internal sealed record IngestCaller(Guid? UserId, string? HeaderAnonymousId, RequestContext Request, string? CountryCode);

/// <summary>
/// Turns the items of one request into rows: each item is read and validated on its own (a bad item is reported by
/// its index, the others go on), then completed with what the server knows (user from the token, ip, agent, country,
/// received time).
/// </summary>
internal sealed class EventIngestor(EventInputValidator validator, IOptions<EventsOptions> options, TimeProvider timeProvider)
{
    public const int MaxEventsPerRequest = 500;

    /// <summary>Distinct user agents whose classification is kept; a burst comes from a few hundred agent strings.</summary>
    private const int ClientCacheSize = 4096;

    private const string PropertiesName = "properties";

    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<string, ClientInfo> _clients = new(StringComparer.Ordinal);

    public (List<EventRow> Accepted, List<RejectedEvent> Rejected) Read(IReadOnlyList<JsonElement> items, IngestCaller caller)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(caller);
        var accepted = new List<EventRow>(items.Count);
        var rejected = new List<RejectedEvent>();
        var receivedAt = timeProvider.GetUtcNow();
        var client = Classify(caller.Request.UserAgent);
        var authenticated = caller.UserId is not null;
        for (var index = 0; index < items.Count; index++)
        {
            if (TryRead(items[index], out var readError) is not { } input)
            {
                rejected.Add(new RejectedEvent(index, readError!));
                continue;
            }

            var properties = PropertiesOf(items[index]);
            if ((input.AnonymousId is null && caller.HeaderAnonymousId is not null) || properties is not null)
            {
                input = input with { AnonymousId = input.AnonymousId ?? caller.HeaderAnonymousId, Properties = properties };
            }

            if (!validator.IsPlainlyValid(input, authenticated, receivedAt)
                && validator.Validate(EventInputValidator.ForCaller(input, authenticated)) is { IsValid: false } result)
            {
                rejected.Add(new RejectedEvent(index, result.Errors
                    .GroupBy(e => JsonName(e.PropertyName), StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal)));
                continue;
            }

            accepted.Add(ToRow(input, caller, client, receivedAt));
        }

        return (accepted, rejected);
    }

    /// <summary>The agent's classification, from the cache when this agent was seen before.</summary>
    private ClientInfo Classify(string? userAgent)
    {
        if (userAgent is null)
        {
            return ClientInfo.Unknown;
        }

        if (_clients.TryGetValue(userAgent, out var known))
        {
            return known;
        }

        var client = UserAgentClassifier.Classify(userAgent);
        if (_clients.Count < ClientCacheSize)
        {
            _clients.TryAdd(userAgent, client);
        }

        return client;
    }

    /// <summary>The trusted proxy's country header, when configured and a two-letter code.</summary>
    public string? CountryOf(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (options.Value.CountryHeader is not { Length: > 0 } header)
        {
            return null;
        }

        var value = httpContext.Request.Headers[header].ToString().Trim();
        return value.Length == 2 && value.All(char.IsAsciiLetter) ? value.ToUpperInvariant() : null;
    }

    /// <summary>The item as an <see cref="EventInput"/>, or null with the reason (nothing allocated for a good item).</summary>
    private static EventInput? TryRead(JsonElement item, out Dictionary<string, string[]>? error)
    {
        error = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            error = new Dictionary<string, string[]>(StringComparer.Ordinal) { [""] = ["Each event is a JSON object."] };
            return null;
        }

        // Before the item is read: a lone surrogate escape would throw while reading, and a NUL in properties would fail
        // the COPY of every event in the writer's batch (the route opted out of the middleware's body check for this).
        if (StorableText.FindUnstorable(JsonMarshal.GetRawUtf8Value(item)) is { } unstorable)
        {
            error = new Dictionary<string, string[]>(StringComparer.Ordinal) { [unstorable] = [StorableText.Message] };
            return null;
        }

        try
        {
            return item.Deserialize<EventInput>(ReadOptions)!;
        }
        catch (JsonException malformed)
        {
            // e.g. "$.productId" holding something that is not a UUID.
            var field = malformed.Path is { Length: > 2 } path ? path[2..] : "";
            error = new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = ["Has the wrong type or format."] };
            return null;
        }
    }

    /// <summary>
    /// The item's <c>properties</c> as an element of the request's document (the serializer skipped it, see
    /// <see cref="ReadInPlaceConverter"/>); its name is matched as the serializer matches names (case-insensitive, the
    /// last one wins).
    /// </summary>
    private static JsonElement? PropertiesOf(JsonElement item)
    {
        JsonElement? properties = null;
        foreach (var property in item.EnumerateObject())
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            if (name.Contains((byte)'\\')
                    ? string.Equals(property.Name, PropertiesName, StringComparison.OrdinalIgnoreCase)
                    : Ascii.EqualsIgnoreCase(name, "properties"u8))
            {
                properties = property.Value;
            }
        }

        return properties;
    }

    private static EventRow ToRow(EventInput input, IngestCaller caller, ClientInfo client, DateTimeOffset receivedAt) => new(
        EventIds.NewVersion7(receivedAt),
        input.EventName!,
        input.EventCategory!,
        caller.UserId,
        input.AnonymousId,
        input.SessionId!,
        input.PageUrl,
        input.PageTitle,
        input.ReferrerUrl,
        input.UtmSource,
        input.UtmMedium,
        input.UtmCampaign,
        input.UtmTerm,
        input.UtmContent,
        input.ProductId,
        input.CartId,
        input.OrderId,
        input.PaymentId,
        input.Properties is { ValueKind: JsonValueKind.Object } properties ? properties.GetRawText() : "{}",
        caller.Request.IpAddress,
        caller.Request.UserAgent,
        client.DeviceType,
        client.Browser,
        client.Os,
        input.ScreenResolution,
        caller.CountryCode,
        input.ClientTimestamp?.ToUniversalTime(),
        receivedAt);

    private static string JsonName(string propertyName) =>
        propertyName.Length == 0 ? propertyName : char.ToLower(propertyName[0], CultureInfo.InvariantCulture) + propertyName[1..];
}
