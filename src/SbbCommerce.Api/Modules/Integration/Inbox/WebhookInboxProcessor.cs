using System.Diagnostics;
using SbbCommerce.Api.Modules.Integration.Contracts;
using SbbCommerce.Api.Modules.Integration.Data;

namespace SbbCommerce.Api.Modules.Integration.Inbox;

/// <summary>
/// Processes stored webhooks one at a time: the row is claimed with <c>FOR UPDATE SKIP LOCKED</c> (hosts never take
/// the same row), handed to the owning module's handler, and its outcome saved in the same transaction as the
/// handler's changes. A failure rolls the handler back and is recorded with backoff until <c>max_attempts</c>, then
/// the row stays <c>failed</c>, visible and replayable.
/// </summary>
internal sealed class WebhookInboxProcessor(
    SbbDbContext db,
    IEnumerable<IInboundWebhookHandler> handlers,
    IOptions<WebhookOptions> options,
    TimeProvider timeProvider,
    ILogger<WebhookInboxProcessor> logger)
{
    /// <summary>Processes one due row; false when none is due.</summary>
    public async Task<bool> ProcessOneAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        Guid claimedId;
        int attempts;
        string? failure = null;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var row = await db.Set<InboxMessage>().FromSqlInterpolated($"""
                SELECT *, xmin FROM webhooks_inbox
                 WHERE status IN ('pending', 'failed') AND attempts < max_attempts AND scheduled_for <= {now}
                 ORDER BY scheduled_for, created_at LIMIT 1 FOR UPDATE SKIP LOCKED
                """).SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return false;
            }

            (claimedId, attempts) = (row.Id, row.Attempts + 1);
            using var scope = IntegrationLog.InboxScope(logger, row.Id, row.Source, row.WebhookType);
            var started = Stopwatch.GetTimestamp();
            var handler = handlers.FirstOrDefault(h => h.Source == row.Source && h.EventTypes.Contains(row.WebhookType));
            try
            {
                var outcome = handler is null
                    ? new InboundOutcome("ignored", new { Reason = "no handler for this event type" })
                    : await handler.HandleAsync(new InboundEvent(row.Id, row.Source, row.WebhookType, JsonValues.Parse(row.Payload), row.ReceivedAt), cancellationToken);
                row.Status = handler is null ? InboxStatuses.Skipped : InboxStatuses.Completed;
                row.Attempts = attempts;
                row.ProcessedAt = timeProvider.GetDatabaseNow();
                row.ErrorMessage = null;
                row.Result = JsonDefaults.Serialize(new { outcome.Result, outcome.Details });
                row.RelatedOrderId = outcome.OrderId ?? row.RelatedOrderId;
                row.RelatedPaymentId = outcome.PaymentId ?? row.RelatedPaymentId;
                row.RelatedFulfillmentId = outcome.FulfillmentId ?? row.RelatedFulfillmentId;
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                IntegrationLog.InboxProcessed(logger, row.Id, row.Source, row.WebhookType, outcome.Result, elapsedMs);
                return true;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failure = $"{exception.GetType().Name}: {exception.Message}";
                IntegrationLog.InboxFailed(logger, exception, row.Id, row.Source, row.WebhookType, attempts);
                await transaction.RollbackAsync(cancellationToken);
            }
        }

        db.ChangeTracker.Clear();
        var delay = options.Value.BaseRetryDelay * Math.Pow(2, Math.Clamp(attempts - 1, 0, 10));
        await db.Set<InboxMessage>().Where(m => m.Id == claimedId).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, InboxStatuses.Failed)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.ErrorMessage, failure!.Length > 1000 ? failure[..1000] : failure)
            .SetProperty(m => m.ScheduledFor, now + delay), cancellationToken);
        return true;
    }
}
