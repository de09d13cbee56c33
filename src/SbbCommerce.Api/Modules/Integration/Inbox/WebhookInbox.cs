using System.Text;
using NpgsqlTypes;

namespace SbbCommerce.Api.Modules.Integration.Inbox;

/// <summary>
/// Stores a delivery in <c>webhooks_inbox</c> before anything acts on it. A provider's retry of a signed event (same
/// source and event id) is stored once: the insert does nothing and the caller answers 200 again.
/// </summary>
internal sealed class WebhookInbox(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    // Kept for diagnosis; secrets (Authorization, the Shippo token in the query) never are.
    private static readonly string[] KeptHeaders = ["content-type", "user-agent", "webhook-id", "webhook-timestamp", "x-request-id"];

    private const string InsertSql = """
        INSERT INTO webhooks_inbox (source, webhook_type, status, max_attempts, headers, payload, signature, signature_valid,
                                    provider_event_id, received_at, created_at, scheduled_for)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $10)
        ON CONFLICT (source, provider_event_id) WHERE provider_event_id IS NOT NULL DO NOTHING
        RETURNING id
        """;

    /// <summary>The new row's id, or null when this event was stored before.</summary>
    public async Task<Guid?> StoreAsync(WebhookDelivery delivery, WebhookVerdict verdict, int maxAttempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(verdict);
        var headers = KeptHeaders.Where(h => delivery.Headers.ContainsKey(h))
            .ToDictionary(h => h, h => delivery.Headers[h].ToString(), StringComparer.Ordinal);
        await using var command = dataSource.CreateCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter { Value = delivery.Source });
        command.Parameters.Add(new NpgsqlParameter { Value = Bounded(verdict.WebhookType, 100) });
        command.Parameters.Add(new NpgsqlParameter { Value = verdict.Valid ? "pending" : "skipped" });
        command.Parameters.Add(new NpgsqlParameter { Value = maxAttempts });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonDefaults.Serialize(headers), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = StorablePayload(delivery.Body), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)verdict.Signature ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter { Value = verdict.Valid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)Bounded(verdict.EventId, 255) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter { Value = timeProvider.GetUtcNow().UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await command.ExecuteScalarAsync(cancellationToken) is Guid id ? id : null;
    }

    /// <summary>
    /// The body as JSON when PostgreSQL's jsonb can hold it: valid JSON whose text can be stored (no NUL, no lone
    /// surrogate) and whose numbers fit numeric; otherwise wrapped (base64) so it is still kept, never refused.
    /// </summary>
    private static string StorablePayload(byte[] body)
    {
        if (StorableText.FindUnstorable(body) is null)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (JsonNumbers.AreStorable(document.RootElement))
                {
                    return Encoding.UTF8.GetString(body);
                }
            }
            catch (JsonException)
            {
                // Not JSON: kept below, wrapped.
            }
        }

        return JsonDefaults.Serialize(new { NotJson = true, Base64 = Convert.ToBase64String(body) });
    }

    private static string? Bounded(string? value, int length) => value is null ? null : value.Length > length ? value[..length] : value;
}
