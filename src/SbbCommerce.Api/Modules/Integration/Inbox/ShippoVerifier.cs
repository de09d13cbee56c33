using System.Security.Cryptography;
using System.Text;

namespace SbbCommerce.Api.Modules.Integration.Inbox;

/// <summary>
/// Shippo: the webhook URL carries <c>?token=</c>, compared in constant time with the configured token. The event id is
/// <c>data.object_id</c> + <c>event</c> + <c>data.tracking_status.status_date</c> (Shippo repeats a tracking update).
/// </summary>
internal sealed class ShippoVerifier : IWebhookVerifier
{
    public string Source => WebhookSources.Shippo;

    public bool IsConfigured(WebhookSourceOptions? options) => !string.IsNullOrWhiteSpace(options?.Token);

    public WebhookVerdict Verify(WebhookDelivery delivery, WebhookSourceOptions options, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(options);
        var json = delivery.Json();
        var type = JsonPaths.Get(json, "event") ?? "unknown";
        var presented = Encoding.UTF8.GetBytes(delivery.Query["token"].ToString());
        var valid = CryptographicOperations.FixedTimeEquals(SHA256.HashData(presented), SHA256.HashData(Encoding.UTF8.GetBytes(options.Token!)));
        var id = valid
            ? string.Join('|', JsonPaths.Get(json, "data", "object_id"), type, JsonPaths.Get(json, "data", "tracking_status", "status_date"))
            : null;
        // The token is a secret: never stored.
        return new WebhookVerdict(valid, id, type, null, valid ? null : "token mismatch");
    }
}
