using SbbCommerce.Api.Modules.Identity.Data;
using SbbCommerce.Api.Modules.Integration.Contracts;

namespace SbbCommerce.Api.Modules.Identity.Erp;

/// <summary>
/// Mailgun <c>failed</c> with severity <c>permanent</c>, and <c>complained</c>: the recipient's address is marked
/// undeliverable (admins see it on the user; later emails to it are skipped with the reason). A temporary failure changes
/// nothing: Mailgun retries those itself.
/// </summary>
internal sealed class MailgunDeliveryFailureHandler(SbbDbContext db) : IInboundWebhookHandler
{
    public string Source => "mailgun";

    public IReadOnlyCollection<string> EventTypes { get; } = ["failed", "complained"];

    public async Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var data = inbound.Payload.TryGetProperty("event-data", out var d) ? d : default;
        var recipient = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("recipient", out var r) ? r.GetString()?.Trim().ToLowerInvariant() : null;
        var severity = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("severity", out var s) ? s.GetString() : null;
        if (string.IsNullOrEmpty(recipient))
        {
            return new InboundOutcome("invalid", new { Reason = "event-data.recipient is required" });
        }

        if (inbound.EventType == "failed" && severity != "permanent")
        {
            return new InboundOutcome("temporary_failure_ignored", new { Recipient = recipient, Severity = severity });
        }

        var reason = inbound.EventType == "complained" ? "complained (marked as spam)" : $"permanent failure ({Reason(data)})";
        var users = await db.Set<User>().Where(u => u.Email == recipient && u.EmailUndeliverableAt == null).ToListAsync(cancellationToken);
        foreach (var user in users)
        {
            user.EmailUndeliverableAt = inbound.ReceivedAt;
            user.EmailUndeliverableReason = reason.Length > 200 ? reason[..200] : reason;
        }

        return new InboundOutcome(users.Count == 0 ? "no_change" : "marked_undeliverable", new { Recipient = recipient, Reason = reason });
    }

    private static string Reason(JsonElement data) =>
        data.TryGetProperty("delivery-status", out var status) && status.ValueKind == JsonValueKind.Object
            && status.TryGetProperty("description", out var description) && description.GetString() is { Length: > 0 } text
            ? text
            : data.TryGetProperty("reason", out var reason) ? reason.ToString() : "bounced";
}
