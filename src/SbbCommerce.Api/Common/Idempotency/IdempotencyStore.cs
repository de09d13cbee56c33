using NpgsqlTypes;

namespace SbbCommerce.Api.Common.Idempotency;

/// <summary>
/// The <c>idempotency_keys</c> table, through raw SQL on its own short transactions: the claim must be visible
/// to a concurrent duplicate before the request's own work commits, so it cannot ride in the request's transaction.
/// </summary>
internal sealed class IdempotencyStore(NpgsqlDataSource dataSource, TimeProvider timeProvider, IOptions<IdempotencyOptions> options)
{
    public async Task<IdempotencyClaim> ClaimAsync(
        string caller, string key, string method, string path, string requestHash, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var lockedUntil = now + options.Value.InFlightLock;
        var expiresAt = now + options.Value.Retention;

        // Insert, or take over a row whose retention ran out or whose runner died (lock expired, same request).
        const string Claim = """
            INSERT INTO idempotency_keys (id, caller, idempotency_key, request_method, request_path, request_hash,
                                          status, locked_until, created_at, expires_at)
            VALUES (@id, @caller, @key, @method, @path, @hash, 'in_progress', @lockedUntil, @now, @expiresAt)
            ON CONFLICT (caller, idempotency_key) DO UPDATE
               SET id = EXCLUDED.id, request_method = EXCLUDED.request_method, request_path = EXCLUDED.request_path,
                   request_hash = EXCLUDED.request_hash, status = 'in_progress', response_status = NULL,
                   response_headers = NULL, response_body = NULL, locked_until = EXCLUDED.locked_until,
                   created_at = EXCLUDED.created_at, completed_at = NULL, expires_at = EXCLUDED.expires_at
             WHERE idempotency_keys.expires_at <= @now
                OR (idempotency_keys.status = 'in_progress' AND idempotency_keys.locked_until <= @now
                    AND idempotency_keys.request_hash = EXCLUDED.request_hash)
            RETURNING id
            """;
        var id = Guid.CreateVersion7();
        await using (var command = dataSource.CreateCommand(Claim))
        {
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("caller", caller);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("method", method);
            command.Parameters.AddWithValue("path", path);
            command.Parameters.AddWithValue("hash", requestHash);
            command.Parameters.AddWithValue("lockedUntil", lockedUntil);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("expiresAt", expiresAt);
            if (await command.ExecuteScalarAsync(cancellationToken) is Guid claimed)
            {
                return new IdempotencyClaim.Acquired(claimed);
            }
        }

        const string Existing = """
            SELECT request_hash, status, response_status, response_headers, response_body
              FROM idempotency_keys WHERE caller = @caller AND idempotency_key = @key
            """;
        await using var read = dataSource.CreateCommand(Existing);
        read.Parameters.AddWithValue("caller", caller);
        read.Parameters.AddWithValue("key", key);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            // Deleted between our insert and our read (a failed first attempt released it): the client may retry.
            return new IdempotencyClaim.InProgress();
        }

        if (reader.GetString(0) != requestHash)
        {
            return new IdempotencyClaim.Mismatch();
        }

        if (reader.GetString(1) != "completed")
        {
            return new IdempotencyClaim.InProgress();
        }

        var headers = reader.IsDBNull(3) ? null : JsonSerializer.Deserialize<StoredHeaders>(reader.GetString(3));
        return new IdempotencyClaim.Completed(
            reader.GetInt32(2), headers?.ContentType, headers?.Location, reader.IsDBNull(4) ? [] : (byte[])reader[4]);
    }

    public async Task CompleteAsync(
        Guid recordId, int status, string? contentType, string? location, byte[] body, CancellationToken cancellationToken)
    {
        const string Sql = """
            UPDATE idempotency_keys
               SET status = 'completed', response_status = @status, response_headers = @headers,
                   response_body = @body, completed_at = @now
             WHERE id = @id
            """;
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue("id", recordId);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("headers", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(new StoredHeaders(contentType, location)));
        command.Parameters.AddWithValue("body", body);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A request that failed on our side releases its key so the client's retry runs again.</summary>
    public async Task ReleaseAsync(Guid recordId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM idempotency_keys WHERE id = @id AND status = 'in_progress'");
        command.Parameters.AddWithValue("id", recordId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes expired keys in bounded batches; safe on two hosts (SKIP LOCKED). Returns the count.</summary>
    public async Task<int> DeleteExpiredAsync(int batchSize, CancellationToken cancellationToken)
    {
        const string Sql = """
            DELETE FROM idempotency_keys WHERE id IN (
                SELECT id FROM idempotency_keys WHERE expires_at <= @now
                 ORDER BY expires_at LIMIT @batch FOR UPDATE SKIP LOCKED)
            """;
        var total = 0;
        while (true)
        {
            await using var command = dataSource.CreateCommand(Sql);
            command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
            command.Parameters.AddWithValue("batch", batchSize);
            var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
            total += deleted;
            if (deleted < batchSize)
            {
                return total;
            }
        }
    }

    private sealed record StoredHeaders(string? ContentType, string? Location);
}
