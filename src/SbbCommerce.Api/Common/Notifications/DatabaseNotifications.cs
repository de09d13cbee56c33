namespace SbbCommerce.Api.Common.Notifications;

/// <summary>
/// The one PostgreSQL NOTIFY channel every host listens on. A payload is <c>topic:key</c> (e.g.
/// <c>session:6f1c...</c>); each subscriber takes the topics it knows. pg_notify is transactional: a message sent
/// inside a transaction reaches the listeners only when it commits, never when it rolls back.
/// </summary>
internal static class DatabaseNotifications
{
    public const string Channel = "sbb_invalidation";

    /// <summary>Sends <paramref name="topic"/>:<paramref name="key"/> within the context's current transaction.</summary>
    public static Task NotifyAsync(this DbContext db, string topic, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {topic + ":" + key})", cancellationToken);
    }

    /// <summary>Splits a payload into its topic and key; false for a payload of another shape.</summary>
    public static bool TryParse(string payload, out string topic, out string key)
    {
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        topic = colon > 0 ? payload[..colon] : string.Empty;
        key = colon > 0 ? payload[(colon + 1)..] : string.Empty;
        return colon > 0;
    }
}
