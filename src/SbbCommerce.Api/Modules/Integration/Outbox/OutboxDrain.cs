using System.Diagnostics;
using NpgsqlTypes;
using SbbCommerce.Api.Common.Faults;

namespace SbbCommerce.Api.Modules.Integration.Outbox;

/// <summary>
/// One pass of the outbox: claims a bounded batch of due messages (<c>FOR UPDATE SKIP LOCKED</c>, so hosts draining
/// at once never take the same row), sends each through its destination's sender, and records every outcome, plus
/// the owners' ERP ids, in the claim's transaction.
/// <para>
/// The claim's row locks are held while sending: a host that dies mid-batch leaves its rows <c>pending</c> for
/// another host, which sends them again with the same message id (the ERP's idempotency key), so the ERP records
/// each once. Only the head of each entity's queue is claimable, so one entity's messages go in write order while
/// different entities go in parallel. Raw SQL: this is the hot path the house style allows (one claim statement,
/// one marking statement per batch).
/// </para>
/// </summary>
internal sealed partial class OutboxDrain(
    NpgsqlDataSource dataSource,
    IEnumerable<IOutboxSender> senders,
    RetrySchedule retries,
    IFaultPoint faults,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxDrain> logger)
{
    private const int ResponseBodyLimit = 2_000;
    private const int ErrorLimit = 1_000;

    private const string MarkSql = """
        UPDATE webhooks_outbox o
           SET status = r.status, attempts = o.attempts + 1, last_attempt_at = $1, response_status = r.response_status,
               response_body = r.response_body, error_message = r.error_message, scheduled_for = r.scheduled_for, sent_at = r.sent_at
          FROM unnest($2, $3, $4, $5, $6, $7, $8)
               AS r(id, status, response_status, response_body, error_message, scheduled_for, sent_at)
         WHERE o.id = r.id
        """;

    private readonly Dictionary<string, IOutboxSender> _senders = senders.ToDictionary(s => s.Destination, StringComparer.Ordinal);

    /// <summary>Test hook: runs after the batch is sent and before it is marked (a crash there must lose nothing).</summary>
    internal Func<CancellationToken, Task>? BeforeMarking { get; set; }

    /// <summary>Claims, sends and marks one batch; returns what happened.</summary>
    public async Task<DrainResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var configured = _senders.Values.Where(s => s.IsConfigured).ToList();
        if (configured.Count == 0)
        {
            return DrainResult.Empty;
        }

        var started = Stopwatch.GetTimestamp();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var claimed = await ClaimAsync(connection, transaction, configured, cancellationToken);
        if (claimed.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return DrainResult.Empty;
        }

        var results = await SendAllAsync(claimed, cancellationToken);
        faults.Reach(FaultPoints.OutboxAfterSend);
        if (BeforeMarking is { } hook)
        {
            await hook(cancellationToken);
        }

        var now = timeProvider.GetUtcNow();
        var outcome = await MarkAsync(connection, transaction, claimed, results, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        LogBatch(logger, claimed.Count, outcome.Sent, outcome.Retrying, outcome.Dead, elapsedMs);
        return outcome;
    }

    private async Task<List<OutboxEnvelope>> ClaimAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<IOutboxSender> configured, CancellationToken cancellationToken)
    {
        await using var claim = new NpgsqlCommand(OutboxClaimSql.Text, connection, transaction);
        claim.Parameters.AddWithValue("now", timeProvider.GetUtcNow().UtcDateTime);
        claim.Parameters.AddWithValue("destinations", configured.Select(s => s.Destination).ToArray());
        claim.Parameters.AddWithValue("strict", configured.Where(s => s.DeadLetterBlocksEntity).Select(s => s.Destination).ToArray());
        claim.Parameters.AddWithValue("batch", Math.Max(1, options.Value.BatchSize));
        var claimed = new List<OutboxEnvelope>();
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new OutboxEnvelope(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetGuid(7),
                reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return claimed;
    }

    private async Task<DeliveryResult[]> SendAllAsync(List<OutboxEnvelope> claimed, CancellationToken cancellationToken)
    {
        var results = new DeliveryResult[claimed.Count];
        var byDestination = claimed.Select((message, index) => (message, index)).GroupBy(x => x.message.Destination);
        await Task.WhenAll(byDestination.Select(group =>
        {
            var sender = _senders[group.Key];
            return Parallel.ForEachAsync(group, new ParallelOptions { MaxDegreeOfParallelism = sender.Parallelism, CancellationToken = cancellationToken },
                async (item, token) => results[item.index] = await SendOneAsync(sender, item.message, token));
        }));
        return results;
    }

    private async Task<DeliveryResult> SendOneAsync(IOutboxSender sender, OutboxEnvelope message, CancellationToken cancellationToken)
    {
        using var scope = IntegrationLog.OutboxScope(logger, message.Id, message.Destination, message.EventType);
        DeliveryResult result;
        try
        {
            result = await sender.SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A sender bug must not take the batch down with it: the message is retried, and the error is on its row.
            LogSenderFault(logger, exception, message.Id, message.Destination, message.EventType);
            result = DeliveryResult.Transient($"{exception.GetType().Name}: {exception.Message}");
        }

        LogAttempt(logger, message.Id, message.Destination, message.EventType, message.Attempts + 1, result.Outcome, result.ResponseStatus, result.Error);
        return result;
    }

    private async Task<DrainResult> MarkAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, List<OutboxEnvelope> claimed, DeliveryResult[] results,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var count = claimed.Count;
        var statuses = new string[count];
        var scheduled = new DateTime[count];
        var sent = new DateTime?[count];
        int sentCount = 0, retrying = 0, dead = 0;
        await using var batch = new NpgsqlBatch(connection, transaction);
        var mark = new NpgsqlBatchCommand(MarkSql);
        batch.BatchCommands.Add(mark);
        for (var i = 0; i < count; i++)
        {
            var (message, result) = (claimed[i], results[i]);
            scheduled[i] = now.UtcDateTime;
            switch (result.Outcome)
            {
                case DeliveryOutcome.Sent:
                    statuses[i] = OutboxStatuses.Sent;
                    sent[i] = now.UtcDateTime;
                    sentCount++;
                    foreach (var command in result.WriteBack)
                    {
                        batch.BatchCommands.Add(command);
                    }

                    break;
                case DeliveryOutcome.Skipped:
                    statuses[i] = OutboxStatuses.Skipped;
                    break;
                case DeliveryOutcome.Transient when message.Attempts + 1 < message.MaxAttempts:
                    statuses[i] = OutboxStatuses.Failed;
                    scheduled[i] = (now + retries.DelayAfter(message.Attempts + 1, result.RetryAfter)).UtcDateTime;
                    retrying++;
                    break;
                default:
                    statuses[i] = OutboxStatuses.Dead;
                    dead++;
                    LogDeadLetter(logger, message.Id, message.Destination, message.EventType, message.Attempts + 1, result.Error);
                    break;
            }
        }

        // Positional parameters: the owners' write-back commands share this batch.
        mark.Parameters.Add(new NpgsqlParameter { Value = now.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        mark.Parameters.Add(new NpgsqlParameter { Value = claimed.Select(m => m.Id).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        mark.Parameters.Add(new NpgsqlParameter { Value = statuses, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        mark.Parameters.Add(new NpgsqlParameter { Value = results.Select(r => r.ResponseStatus).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        mark.Parameters.Add(new NpgsqlParameter { Value = results.Select(r => Bounded(r.ResponseBody, ResponseBodyLimit)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        mark.Parameters.Add(new NpgsqlParameter { Value = results.Select(r => Bounded(r.Error, ErrorLimit)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        mark.Parameters.Add(new NpgsqlParameter { Value = scheduled, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        mark.Parameters.Add(new NpgsqlParameter { Value = sent, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return new DrainResult(count, sentCount, retrying, dead);
    }

    // PostgreSQL text cannot hold NUL; a provider's answer is stored for diagnosis, bounded.
    private static string? Bounded(string? text, int limit) =>
        text is null ? null : (text.Length > limit ? text[..limit] : text).Replace("\0", string.Empty, StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Outbox message {MessageId} to {Destination} ({EventType}), attempt {Attempt}: {Outcome} {ResponseStatus} {Error}")]
    private static partial void LogAttempt(
        ILogger logger, Guid messageId, string destination, string eventType, int attempt, DeliveryOutcome outcome, int? responseStatus, string? error);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Outbox message {MessageId} to {Destination} ({EventType}) is a dead letter after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLetter(ILogger logger, Guid messageId, string destination, string eventType, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sender fault on outbox message {MessageId} to {Destination} ({EventType})")]
    private static partial void LogSenderFault(ILogger logger, Exception exception, Guid messageId, string destination, string eventType);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Outbox batch: {Claimed} claimed, {Sent} sent, {Retrying} to retry, {Dead} dead, in {ElapsedMs:F0} ms")]
    private static partial void LogBatch(ILogger logger, int claimed, int sent, int retrying, int dead, double elapsedMs);
}

/// <summary>What one drain pass did.</summary>
internal sealed record DrainResult(int Claimed, int Sent, int Retrying, int Dead)
{
    public static readonly DrainResult Empty = new(0, 0, 0, 0);
}
