using SbbCommerce.Api.Common.Telemetry;

namespace SbbCommerce.Api.Modules.Integration.Outbox;

/// <summary>
/// The outbox and the inbox as gauges, per destination (outbox) and source (inbox): messages waiting, dead letters,
/// lag (the age of the oldest message that is due and not yet delivered: a drain keeping up holds it near zero,
/// while a message waiting for its retry time is not lag) and inbox messages that failed. Two queries answered from
/// the partial and status indexes.
/// </summary>
internal sealed class OutboxGauges(NpgsqlDataSource dataSource) : IGaugeSource
{
    public const string Pending = "sbb.outbox.pending";
    public const string Dead = "sbb.outbox.dead";
    public const string Lag = "sbb.outbox.lag";
    public const string InboxFailed = "sbb.inbox.failed";

    private const string OutboxSql = """
        SELECT destination,
               count(*) FILTER (WHERE status IN ('pending', 'failed', 'processing')),
               count(*) FILTER (WHERE status = 'dead'),
               min(created_at) FILTER (WHERE status IN ('pending', 'failed') AND scheduled_for <= @now)
          FROM webhooks_outbox WHERE status IN ('pending', 'failed', 'processing', 'dead') GROUP BY destination
        """;

    private const string InboxSql = "SELECT source, count(*) FROM webhooks_inbox WHERE status = 'failed' GROUP BY source";

    private static readonly string[] KnownDestinations =
        [OutboxDestinations.EpicorPropello, OutboxDestinations.InternalEmail, OutboxDestinations.Sms];

    public IReadOnlyList<GaugeInstrument> Instruments { get; } =
    [
        new(Pending, "{message}", "Outbox messages not yet delivered (pending, failed and waiting for a retry, or being sent), by destination."),
        new(Dead, "{message}", "Outbox dead letters (out of attempts; an admin retries them), by destination."),
        new(Lag, "s", "Age of the oldest outbox message that is due and not delivered, by destination (0 when none)."),
        new(InboxFailed, "{message}", "Webhook inbox messages whose processing failed, by source."),
    ];

    public async Task<IReadOnlyList<GaugeReading>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var readings = new List<GaugeReading>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand(OutboxSql))
        {
            command.Parameters.AddWithValue("now", now);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var destination = reader.GetString(0);
                seen.Add(destination);
                var oldestDue = reader.IsDBNull(3) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(3);
                AddOutbox(readings, destination, reader.GetInt64(1), reader.GetInt64(2),
                    oldestDue is { } since ? Math.Max(0, (now - since).TotalSeconds) : 0);
            }
        }

        // A destination with nothing open reports zeros, so a dashboard shows a flat line instead of a gap.
        foreach (var destination in KnownDestinations.Where(d => !seen.Contains(d)))
        {
            AddOutbox(readings, destination, 0, 0, 0);
        }

        await using (var command = dataSource.CreateCommand(InboxSql))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                readings.Add(new(InboxFailed, reader.GetInt64(1), new KeyValuePair<string, object?>("source", reader.GetString(0))));
            }
        }

        return readings;
    }

    private static void AddOutbox(List<GaugeReading> readings, string destination, long pending, long dead, double lagSeconds)
    {
        var tag = new KeyValuePair<string, object?>("destination", destination);
        readings.Add(new(Pending, pending, tag));
        readings.Add(new(Dead, dead, tag));
        readings.Add(new(Lag, lagSeconds, tag));
    }
}
