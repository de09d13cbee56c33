using SbbCommerce.Api.Modules.Integration.Views;

namespace SbbCommerce.Api.Modules.Integration.RetryOutboxMessage;

internal static class RetryOutboxMessageEndpoint
{
    public static RouteHandlerBuilder MapRetryOutboxMessage(this RouteGroupBuilder admin) =>
        admin.MapPost("/outbox/{id:guid}/retry", HandleAsync).WithName("AdminRetryOutboxMessage")
            .WithSummary("Send a dead or failed message again now: it goes back to pending with a fresh retry budget. Audited.")
            .WithDescription("404 `outbox_message_not_found`; 422 `outbox_message_not_retryable` for a pending or sent message.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Ok<OutboxMessageResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, SbbDbContext db, IAuditWriter audit, IOptions<OutboxOptions> options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked: a drain holding this row (sending it right now) finishes first, and we see its outcome.
        var message = await db.LockAsync<OutboxMessage>(id, cancellationToken);
        if (message is null)
        {
            return IntegrationProblems.OutboxMessageNotFound();
        }

        if (message.Status is not (OutboxStatuses.Dead or OutboxStatuses.Failed))
        {
            return ApiProblems.Unprocessable(IntegrationErrors.OutboxMessageNotRetryable,
                $"Only a dead or failed message can be retried; this one is {message.Status}.");
        }

        var before = new { message.Status, message.Attempts, message.MaxAttempts, message.ScheduledFor };
        message.Status = OutboxStatuses.Pending;
        message.MaxAttempts = message.Attempts + options.Value.MaxAttemptsFor(message.Destination);
        message.ScheduledFor = timeProvider.GetDatabaseNow();
        audit.Record("outbox.retried", "outbox_message", message.Id, before, new { message.Status, message.MaxAttempts, message.ScheduledFor });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(OutboxMessageResponse.Summary(message));
    }
}
