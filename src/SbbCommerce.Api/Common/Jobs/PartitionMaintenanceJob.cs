namespace SbbCommerce.Api.Common.Jobs;

/// <summary>
/// Keeps monthly partitions of <c>events</c> and <c>audit_logs</c> created three months ahead (the SQL function
/// of db/migrations/0001 serialises concurrent callers). The default partitions catch anything it missed.
/// </summary>
internal sealed class PartitionMaintenanceJob(NpgsqlDataSource dataSource)
{
    internal const int MonthsAhead = 3;
    private static readonly string[] PartitionedTables = ["events", "audit_logs"];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var created = 0;
        foreach (var table in PartitionedTables)
        {
            await using var command = dataSource.CreateCommand("SELECT ensure_monthly_partitions(@table::regclass, @months)");
            command.Parameters.AddWithValue("table", table);
            command.Parameters.AddWithValue("months", MonthsAhead);
            created += (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        return created;
    }
}
