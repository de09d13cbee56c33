using SbbCommerce.Api.Modules.Integration.Data;
using SbbCommerce.Api.Modules.Integration.Inbox;
using SbbCommerce.Api.Modules.Integration.Views;

namespace SbbCommerce.Api.Modules.Integration.ReplayWebhook;

internal static class ReplayWebhookEndpoint
{
    public static RouteHandlerBuilder MapReplayWebhook(this RouteGroupBuilder admin) =>
        admin.MapPost("/webhooks/inbox/{id:guid}/replay", HandleAsync).WithName("AdminReplayWebhook")
            .WithSummary("Process a webhook again, whatever its status (handlers are idempotent); 202. An invalid signature is never processed. Audited.")
            .WithDescription("404 `inbox_message_not_found`; 422 `invalid_signature` for a delivery whose signature failed.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Accepted<InboxMessageResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, SbbDbContext db, IAuditWriter audit, TimeProvider timeProvider, WebhookInboxSignal signal, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.LockAsync<InboxMessage>(id, cancellationToken);
        if (row is null)
        {
            return IntegrationProblems.InboxMessageNotFound();
        }

        if (row.SignatureValid != true)
        {
            return ApiProblems.Unprocessable(IntegrationErrors.InvalidSignature, "A delivery whose signature failed is never processed.");
        }

        var before = new { row.Status, row.Attempts };
        row.Status = InboxStatuses.Pending;
        row.MaxAttempts = row.Attempts + Math.Max(1, row.MaxAttempts);
        row.ScheduledFor = timeProvider.GetDatabaseNow();
        audit.Record("webhook.replayed", "webhook_inbox", row.Id, before, new { row.Status, row.MaxAttempts });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Accepted((string?)null, InboxMessageResponse.Summary(row));
    }
}
