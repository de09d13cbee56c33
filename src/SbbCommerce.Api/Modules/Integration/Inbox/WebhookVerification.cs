namespace SbbCommerce.Api.Modules.Integration.Inbox;

/// <summary>A delivery as received: raw body (exactly as signed), headers and query.</summary>
internal sealed record WebhookDelivery(string Source, byte[] Body, IHeaderDictionary Headers, IQueryCollection Query)
{
    public JsonElement? Json() => LenientJson.Parse(Body);
}

/// <summary>What verification found: valid or not, the provider's event id and type, the signature presented.</summary>
internal sealed record WebhookVerdict(bool Valid, string? EventId, string WebhookType, string? Signature, string? Reason = null);

/// <summary>Checks one provider's signature scheme (API.md, "Webhook signatures").</summary>
internal interface IWebhookVerifier
{
    string Source { get; }

    /// <summary>False when the source has no secret configured: it is then unknown to this shop (404).</summary>
    bool IsConfigured(WebhookSourceOptions? options);

    WebhookVerdict Verify(WebhookDelivery delivery, WebhookSourceOptions options, DateTimeOffset now, TimeSpan tolerance);
}

/// <summary>The Unix-seconds timestamp a provider signs with its delivery, so an old delivery cannot be replayed.</summary>
internal static class SignedTimestamp
{
    /// <summary>True when the timestamp is whole seconds since 1970 within <paramref name="tolerance"/> of now, either way.</summary>
    public static bool IsWithin(string timestamp, DateTimeOffset now, TimeSpan tolerance) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        // Clamped to what DateTimeOffset holds: a crafted timestamp is refused, never an exception.
        && Math.Abs((now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799))).TotalSeconds) <= tolerance.TotalSeconds;
}

internal static class JsonPaths
{
    public static string? Get(JsonElement? root, params string[] path)
    {
        if (root is not { } element)
        {
            return null;
        }

        foreach (var step in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(step, out element))
            {
                return null;
            }
        }

        return element.ValueKind is JsonValueKind.String or JsonValueKind.Number ? element.ToString() : null;
    }
}
