namespace SbbCommerce.Api.Modules.Events.Rollups;

/// <summary>
/// Folds the events noted in <c>event_rollup_pending</c> into the report rollups (<c>event_rollups_fold</c>,
/// migration 0097, ADR 0014). The background loop folds what no other host is folding; a report first catches up,
/// waiting for folds in progress elsewhere, so it reads every event committed before it began.
/// </summary>
internal sealed class EventRollups(NpgsqlDataSource dataSource, IOptions<EventsOptions> options)
{
    private int BatchSize => Math.Max(1, options.Value.RollupBatchSize);

    /// <summary>One fold of up to a batch, skipping rows another host is folding; how many events it took.</summary>
    public Task<int> FoldAsync(CancellationToken cancellationToken) => FoldAsync(waitForOthers: false, cancellationToken);

    /// <summary>Folds until nothing is pending (waiting for folds in progress); the events it took.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken)
    {
        long total = 0;
        int folded;
        do
        {
            folded = await FoldAsync(waitForOthers: true, cancellationToken);
            total += folded;
        }
        while (folded >= BatchSize);
        return total;
    }

    private async Task<int> FoldAsync(bool waitForOthers, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT event_rollups_fold(@max, @wait)");
        command.Parameters.AddWithValue("max", BatchSize);
        command.Parameters.AddWithValue("wait", waitForOthers);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
