using System.Security.Cryptography;
using System.Text;

namespace SbbCommerce.Api.Modules.Integration.Inbox;

/// <summary>
/// Mailgun: the body's <c>signature</c> object holds timestamp, token and signature = hex HMAC-SHA256 of
/// timestamp + token under the signing key; the timestamp within the tolerance. The event id is <c>event-data.id</c>.
/// </summary>
internal sealed class MailgunVerifier : IWebhookVerifier
{
    public string Source => WebhookSources.Mailgun;

    public bool IsConfigured(WebhookSourceOptions? options) => !string.IsNullOrWhiteSpace(options?.SigningKey);

    public WebhookVerdict Verify(WebhookDelivery delivery, WebhookSourceOptions options, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(options);
        var json = delivery.Json();
        var type = JsonPaths.Get(json, "event-data", "event") ?? "unknown";
        var timestamp = JsonPaths.Get(json, "signature", "timestamp");
        var token = JsonPaths.Get(json, "signature", "token");
        var signature = JsonPaths.Get(json, "signature", "signature");
        if (timestamp is null || token is null || signature is null)
        {
            return new WebhookVerdict(false, null, type, null, "missing signature block");
        }

        if (!SignedTimestamp.IsWithin(timestamp, now, tolerance))
        {
            return new WebhookVerdict(false, null, type, StandardWebhooksVerifier.Bounded(signature), "timestamp outside the tolerance");
        }

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.SigningKey!), Encoding.UTF8.GetBytes(timestamp + token)));
        var valid = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
        return new WebhookVerdict(valid, valid ? JsonPaths.Get(json, "event-data", "id") : null, type, StandardWebhooksVerifier.Bounded(signature),
            valid ? null : "signature mismatch");
    }
}
