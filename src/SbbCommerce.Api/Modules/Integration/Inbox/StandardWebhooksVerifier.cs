using System.Security.Cryptography;
using System.Text;

namespace SbbCommerce.Api.Modules.Integration.Inbox;

/// <summary>
/// Standard Webhooks (Epicor Propello): <c>webhook-signature</c> holds one or more <c>v1,&lt;base64 HMAC-SHA256 of
/// "{webhook-id}.{webhook-timestamp}.{raw body}"&gt;</c>, keyed by the base64 part of <c>whsec_...</c>; the timestamp
/// must be within the tolerance; comparison is constant-time. The event id is <c>webhook-id</c>.
/// </summary>
internal sealed class StandardWebhooksVerifier : IWebhookVerifier
{
    public string Source => WebhookSources.EpicorPropello;

    public bool IsConfigured(WebhookSourceOptions? options) => !string.IsNullOrWhiteSpace(options?.Secret);

    public WebhookVerdict Verify(WebhookDelivery delivery, WebhookSourceOptions options, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(options);
        var type = JsonPaths.Get(delivery.Json(), "type") ?? "unknown";
        var id = delivery.Headers["webhook-id"].ToString();
        var timestamp = delivery.Headers["webhook-timestamp"].ToString();
        var signatures = delivery.Headers["webhook-signature"].ToString();
        if (id.Length == 0 || timestamp.Length == 0 || signatures.Length == 0)
        {
            return new WebhookVerdict(false, null, type, Bounded(signatures), "missing webhook-id, webhook-timestamp or webhook-signature");
        }

        if (!SignedTimestamp.IsWithin(timestamp, now, tolerance))
        {
            return new WebhookVerdict(false, null, type, Bounded(signatures), "timestamp outside the tolerance");
        }

        byte[] signed = [.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. delivery.Body];
        var expected = HMACSHA256.HashData(Key(options.Secret!), signed);
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = candidate.Split(',', 2);
            if (parts.Length == 2 && parts[0] == "v1" && TryBase64(parts[1], out var presented)
                && CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                return new WebhookVerdict(true, id, type, Bounded(signatures));
            }
        }

        return new WebhookVerdict(false, null, type, Bounded(signatures), "no matching v1 signature");
    }

    private static byte[] Key(string secret) =>
        Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);

    private static bool TryBase64(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        if (Convert.TryFromBase64String(text, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }

    internal static string? Bounded(string? value) => value is null ? null : value.Length > 255 ? value[..255] : value;
}
