namespace SbbCommerce.Api.Modules.Events.Retention;

/// <summary>
/// Drops the monthly partitions of <c>events</c> whose whole month lies more than <c>Events:RetentionMonths</c> months
/// before the current one (the clock is the injected TimeProvider): DETACH, then DROP, one partition per transaction,
/// with a short lock timeout so a busy ingest makes the job fail and retry rather than stall the writers. Rows older
/// than the cut-off that sit in the default partition are deleted too. Partitions are found by the names
/// <c>ensure_monthly_partitions</c> gives them (<c>events_yYYYYmMM</c>).
/// </summary>
internal sealed class EventRetentionJob(
    NpgsqlDataSource dataSource, TimeProvider timeProvider, IOptions<EventsOptions> options, ILogger<EventRetentionJob> logger)
{
    private const string Prefix = "events_y";

    /// <summary>The partitions dropped.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        var months = options.Value.RetentionMonths;
        if (months <= 0)
        {
            return [];
        }

        var now = timeProvider.GetUtcNow();
        var cutoff = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-months);
        var dropped = new List<string>();
        foreach (var partition in await ExpiredPartitionsAsync(cutoff, cancellationToken))
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // The name comes from pg_class and matched the strict pattern below; quoting keeps it an identifier.
            await using var command = new NpgsqlCommand(
                $"SET LOCAL lock_timeout = '5s'; ALTER TABLE events DETACH PARTITION \"{partition}\"; DROP TABLE \"{partition}\";",
                connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            EventsLog.PartitionDropped(logger, partition);
            dropped.Add(partition);
        }

        await using (var strays = dataSource.CreateCommand("DELETE FROM events_default WHERE created_at < @cutoff"))
        {
            strays.Parameters.AddWithValue("cutoff", cutoff);
            await strays.ExecuteNonQueryAsync(cancellationToken);
        }

        EventsLog.RetentionRun(logger, dropped.Count, cutoff);
        return dropped;
    }

    private async Task<List<string>> ExpiredPartitionsAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
             WHERE i.inhparent = 'events'::regclass AND c.relname ~ '^events_y[0-9]{4}m[0-9]{2}$'
             ORDER BY c.relname
            """);
        var expired = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            var monthStart = DateTimeOffset.ParseExact(name[Prefix.Length..], "yyyy'm'MM", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal);
            if (monthStart.AddMonths(1) <= cutoff)
            {
                expired.Add(name);
            }
        }

        return expired;
    }
}
