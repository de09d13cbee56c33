using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace SbbCommerce.Bench.Running;

/// <summary>
/// The floor under every write request: one-row INSERTs, each its own transaction, one after another on one
/// connection, so each waits for its WAL flush (the cluster's synchronous_commit and disk). A checkout commits
/// twice or three times; the figure says how much of its latency no code change can remove.
/// </summary>
internal static class CommitLatency
{
    private const int Commits = 300;

    /// <summary>"p50 X ms, p99 Y ms over N commits", or why it could not be measured.</summary>
    public static async Task<string> MeasureAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            var database = NpgsqlDataSource.Create(connectionString);
            await using (database.ConfigureAwait(false))
            {
                await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                var table = $"bench_commit_probe_{Environment.ProcessId}";
                await Execute(connection, $"CREATE TABLE {table} (id integer)", cancellationToken).ConfigureAwait(false);
                try
                {
                    var samples = new long[Commits];
                    await using var insert = new NpgsqlCommand($"INSERT INTO {table} VALUES (1)", connection);
                    for (var i = 0; i < Commits; i++)
                    {
                        var started = Stopwatch.GetTimestamp();
                        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                        samples[i] = Stopwatch.GetTimestamp() - started;
                    }

                    var summary = LatencySummary.FromTimestampTicks(samples)!;
                    return string.Create(CultureInfo.InvariantCulture, $"p50 {summary.P50:0.000} ms, p99 {summary.P99:0.000} ms over {Commits} sequential one-row commits");
                }
                finally
                {
                    await Execute(connection, $"DROP TABLE {table}", CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        catch (NpgsqlException exception)
        {
            return $"not measured ({exception.Message})";
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
