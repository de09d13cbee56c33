using SbbCommerce.Api.Modules.Integration.Views;

namespace SbbCommerce.Api.Modules.Integration.Outbox;

/// <summary>
/// The outbox's health in numbers, per destination: messages per status, the oldest one still waiting, dead letters
/// and the last success. Read by <c>GET /admin/erp/status</c> (all statuses) and <c>/health/ready</c> (open ones only,
/// answered from the small partial indexes, so a load balancer's polling costs nothing).
/// </summary>
internal sealed class OutboxStatusReader(NpgsqlDataSource dataSource, IEnumerable<IOutboxSender> senders, TimeProvider timeProvider)
{
    private const string AllSql = """
        SELECT destination, status, count(*), min(created_at) FILTER (WHERE status IN ('pending', 'failed')), max(sent_at)
          FROM webhooks_outbox GROUP BY destination, status
        """;

    private const string OpenSql = """
        SELECT destination, status, count(*), min(created_at) FILTER (WHERE status IN ('pending', 'failed')), NULL::timestamptz
          FROM webhooks_outbox WHERE status IN ('pending', 'failed', 'processing', 'dead') GROUP BY destination, status
        """;

    public Task<ErpStatusResponse> ReadAsync(CancellationToken cancellationToken) => ReadAsync(AllSql, cancellationToken);

    public Task<ErpStatusResponse> ReadOpenAsync(CancellationToken cancellationToken) => ReadAsync(OpenSql, cancellationToken);

    private async Task<ErpStatusResponse> ReadAsync(string sql, CancellationToken cancellationToken)
    {
        var rows = new List<(string Destination, string Status, long Count, DateTimeOffset? OldestOpen, DateTimeOffset? LastSent)>();
        await using (var command = dataSource.CreateCommand(sql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2),
                    reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4)));
            }
        }

        var now = timeProvider.GetUtcNow();
        var configured = senders.ToDictionary(s => s.Destination, s => s.IsConfigured, StringComparer.Ordinal);
        var destinations = rows.Select(r => r.Destination).Concat(configured.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(destination =>
            {
                var mine = rows.Where(r => r.Destination == destination).ToList();
                var oldest = mine.Select(r => r.OldestOpen).Where(t => t is not null).Min();
                return new OutboxDestinationStatus(
                    destination,
                    configured.GetValueOrDefault(destination),
                    OutboxStatuses.All.ToDictionary(s => s, s => mine.Where(r => r.Status == s).Sum(r => r.Count), StringComparer.Ordinal),
                    oldest,
                    oldest is { } o ? Math.Max(0, (long)(now - o).TotalSeconds) : null,
                    mine.Where(r => r.Status == OutboxStatuses.Dead).Sum(r => r.Count),
                    mine.Select(r => r.LastSent).Where(t => t is not null).Max());
            })
            .ToList();
        return new ErpStatusResponse(
            configured.GetValueOrDefault(OutboxDestinations.EpicorPropello),
            configured.GetValueOrDefault(OutboxDestinations.InternalEmail),
            destinations);
    }
}
