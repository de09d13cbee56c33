using Npgsql;
using NpgsqlTypes;
using SbbCommerce.Api.Modules.Integration.Outbox;

namespace SbbCommerce.Bench.Scenarios.Integration;

/// <summary>
/// The outbox-drain baseline: what claiming and marking alone cost on this PostgreSQL. The drain's own claim statement
/// (<see cref="OutboxClaimSql"/>, compiled from the API's file)
/// (due rows, only the head of each entity's queue, <c>FOR UPDATE SKIP LOCKED</c>, batch 200) and one
/// <c>UPDATE ... FROM unnest</c> marking the batch sent, in one transaction, with no HTTP and no write-back.
/// </summary>
internal static class RawClaimMarkLoop
{
    public const int BatchSize = 200;

    private const string MarkSql = """
        UPDATE webhooks_outbox o
           SET status = r.status, attempts = o.attempts + 1, last_attempt_at = @now, response_status = r.response_status,
               response_body = NULL, error_message = NULL, scheduled_for = @now, sent_at = @now
          FROM unnest(@ids, @statuses, @codes) AS r(id, status, response_status)
         WHERE o.id = r.id
        """;

    /// <summary>Runs <paramref name="loops"/> claim-and-mark loops at once until none finds a due row of the destination.</summary>
    public static Task RunAsync(NpgsqlDataSource database, string destination, int loops, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, loops).Select(_ => LoopAsync(database, destination, cancellationToken)));

    private static async Task LoopAsync(NpgsqlDataSource database, string destination, CancellationToken cancellationToken)
    {
        while (await ClaimAndMarkAsync(database, destination, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    private static async Task<int> ClaimAndMarkAsync(NpgsqlDataSource database, string destination, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<Guid>(BatchSize);
        await using (var claim = new NpgsqlCommand(OutboxClaimSql.Text, connection, transaction))
        {
            claim.Parameters.AddWithValue("now", DateTime.UtcNow);
            claim.Parameters.AddWithValue("destinations", new[] { destination });
            claim.Parameters.AddWithValue("strict", new[] { destination });
            claim.Parameters.AddWithValue("batch", BatchSize);
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // Read the row as the drain does (the payload text included), so both pay the same transfer.
                _ = reader.GetString(3);
                ids.Add(reader.GetGuid(0));
            }
        }

        if (ids.Count > 0)
        {
            await using var mark = new NpgsqlCommand(MarkSql, connection, transaction);
            mark.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, DateTime.UtcNow);
            mark.Parameters.AddWithValue("ids", ids.ToArray());
            mark.Parameters.AddWithValue("statuses", Enumerable.Repeat("sent", ids.Count).ToArray());
            mark.Parameters.AddWithValue("codes", Enumerable.Repeat(201, ids.Count).ToArray());
            await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ids.Count;
    }
}
