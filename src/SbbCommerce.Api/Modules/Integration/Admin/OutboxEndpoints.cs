using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SbbCommerce.Api.Common.Auditing;
using SbbCommerce.Api.Common.Outbox;
using SbbCommerce.Api.Common.Paging;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;

namespace SbbCommerce.Api.Modules.Integration.Admin;

/// <summary>The outbox for operators: what waits, what failed and why, and sending a dead letter again.</summary>
internal static class OutboxEndpoints
{
    public static RouteGroupBuilder MapOutboxAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/outbox", ListAsync).WithName("AdminListOutbox")
            .WithSummary("Outbox messages, newest first, filtered by status (pending, sent, failed, dead), destination and event type; keyset pages.")
            .ProducesValidationProblem();
        admin.MapGet("/outbox/{id:guid}", GetAsync).WithName("AdminGetOutboxMessage")
            .WithSummary("One message with its payload and the destination's last answer.")
            .WithDescription("404 `outbox_message_not_found`.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/outbox/{id:guid}/retry", RetryAsync).WithName("AdminRetryOutboxMessage")
            .WithSummary("Send a dead or failed message again now: it goes back to pending with a fresh retry budget. Audited.")
            .WithDescription("404 `outbox_message_not_found`; 422 `outbox_message_not_retryable` for a pending or sent message.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return admin;
    }

    private static async Task<Results<Ok<PagedResponse<OutboxMessageResponse>>, ValidationProblem>> ListAsync(
        SbbDbContext db, string? status, string? destination, string? eventType, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (status is not null && !OutboxStatuses.All.Contains(status))
        {
            errors["status"] = ["One of pending, processing, sent, failed, dead, skipped."];
        }

        var page = PageRequest.From(limit, cursor);
        var after = CursorReader.Read(page, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var query = db.Set<OutboxMessage>().AsNoTracking();
        query = status is null ? query : query.Where(m => m.Status == status);
        query = destination is null ? query : query.Where(m => m.Destination == destination);
        query = eventType is null ? query : query.Where(m => m.EventType == eventType);
        if (after is not null)
        {
            query = query.Where(m => m.CreatedAt < after.CreatedAt || (m.CreatedAt == after.CreatedAt && m.Id.CompareTo(after.Id) < 0));
        }

        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(KeysetCursor.ToPage(rows, page.Limit, OutboxMessageResponse.Summary, m => new CreatedIdCursor(m.CreatedAt, m.Id)));
    }

    private static async Task<Results<Ok<OutboxMessageResponse>, ProblemHttpResult>> GetAsync(Guid id, SbbDbContext db, CancellationToken cancellationToken)
    {
        var message = await db.Set<OutboxMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        return message is null ? NotFound() : TypedResults.Ok(OutboxMessageResponse.Detail(message));
    }

    private static async Task<Results<Ok<OutboxMessageResponse>, ProblemHttpResult>> RetryAsync(
        Guid id, SbbDbContext db, IAuditWriter audit, IOptions<OutboxOptions> options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Locked: a drain holding this row (sending it right now) finishes first, and we see its outcome.
        var message = await db.Set<OutboxMessage>().FromSqlInterpolated($"SELECT *, xmin FROM webhooks_outbox WHERE id = {id} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (message is null)
        {
            return NotFound();
        }

        if (message.Status is not (OutboxStatuses.Dead or OutboxStatuses.Failed))
        {
            return ApiProblems.Unprocessable(IntegrationErrors.OutboxMessageNotRetryable,
                $"Only a dead or failed message can be retried; this one is {message.Status}.");
        }

        var before = new { message.Status, message.Attempts, message.MaxAttempts, message.ScheduledFor };
        message.Status = OutboxStatuses.Pending;
        message.MaxAttempts = message.Attempts + options.Value.MaxAttemptsFor(message.Destination);
        message.ScheduledFor = timeProvider.GetUtcNow();
        audit.Record("outbox.retried", "outbox_message", message.Id, before, new { message.Status, message.MaxAttempts, message.ScheduledFor });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(OutboxMessageResponse.Summary(message));
    }

    private static ProblemHttpResult NotFound() => ApiProblems.NotFound(IntegrationErrors.OutboxMessageNotFound, "No such outbox message.");
}
