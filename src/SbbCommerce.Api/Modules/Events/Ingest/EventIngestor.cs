using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Microsoft.Extensions.Options;
using SbbCommerce.Api.Common.Http;
using SbbCommerce.Api.Modules.Events.Writing;

namespace SbbCommerce.Api.Modules.Events.Ingest;

/// <summary>Who sent a POST /events request, as the server saw it.</summary>
internal sealed record IngestCaller(Guid? UserId, string? HeaderAnonymousId, RequestContext Request, string? CountryCode);

/// <summary>
/// Turns the items of one request into rows: each item is read and validated on its own (a bad item is reported by
/// its index, the others go on), then completed with what the server knows (user from the token, ip, agent, country,
/// received time).
/// </summary>
internal sealed class EventIngestor(IValidator<EventInput> validator, IOptions<EventsOptions> options, TimeProvider timeProvider)
{
    public const int MaxEventsPerRequest = 500;

    private static readonly JsonSerializerOptions ReadOptions = new(JsonSerializerDefaults.Web);

    public (List<EventRow> Accepted, List<RejectedEvent> Rejected) Read(IReadOnlyList<JsonElement> items, IngestCaller caller)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(caller);
        var accepted = new List<EventRow>(items.Count);
        var rejected = new List<RejectedEvent>();
        var receivedAt = timeProvider.GetUtcNow();
        var client = UserAgentClassifier.Classify(caller.Request.UserAgent);
        for (var index = 0; index < items.Count; index++)
        {
            if (!TryRead(items[index], out var input, out var readError))
            {
                rejected.Add(new RejectedEvent(index, readError));
                continue;
            }

            input = input with { AnonymousId = input.AnonymousId ?? caller.HeaderAnonymousId };
            var result = validator.Validate(EventInputValidator.ForCaller(input, caller.UserId is not null));
            if (!result.IsValid)
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

    private static bool TryRead(JsonElement item, out EventInput input, out Dictionary<string, string[]> error)
    {
        input = new EventInput();
        error = [];
        if (item.ValueKind != JsonValueKind.Object)
        {
            error[""] = ["Each event is a JSON object."];
            return false;
        }

        try
        {
            input = item.Deserialize<EventInput>(ReadOptions)!;
            return true;
        }
        catch (JsonException malformed)
        {
            // e.g. "$.productId" holding something that is not a UUID.
            var field = malformed.Path is { Length: > 2 } path ? path[2..] : "";
            error[field] = ["Has the wrong type or format."];
            return false;
        }
    }

    private static EventRow ToRow(EventInput input, IngestCaller caller, ClientInfo client, DateTimeOffset receivedAt) => new(
        Guid.CreateVersion7(receivedAt),
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
