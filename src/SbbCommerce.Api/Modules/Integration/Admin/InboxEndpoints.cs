using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Auditing;
using SbbCommerce.Api.Common.Paging;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Modules.Integration.Data;

namespace SbbCommerce.Api.Modules.Integration.Admin;

/// <summary>The webhook inbox for operators: what arrived, what it did, and processing it again.</summary>
internal static class InboxEndpoints
{
    private static readonly string[] Statuses = ["pending", "processing", "completed", "failed", "skipped"];

    public static RouteGroupBuilder MapInboxAdmin(this RouteGroupBuilder admin)
    {
        admin.MapGet("/webhooks/inbox", ListAsync).WithName("AdminListWebhookInbox")
            .WithSummary("Received webhooks, newest first, by status (pending, processing, completed, failed, skipped) and source; keyset pages.")
            .ProducesValidationProblem();
        admin.MapGet("/webhooks/inbox/{id:guid}", GetAsync).WithName("AdminGetWebhookInboxMessage")
            .WithSummary("One received webhook with its headers, payload, signature check and result.")
            .WithDescription("404 `inbox_message_not_found`.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/webhooks/inbox/{id:guid}/replay", ReplayAsync).WithName("AdminReplayWebhook")
            .WithSummary("Process a webhook again, whatever its status (handlers are idempotent); 202. An invalid signature is never processed. Audited.")
            .WithDescription("404 `inbox_message_not_found`; 422 `invalid_signature` for a delivery whose signature failed.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return admin;
    }

    private static async Task<Results<Ok<PagedResponse<InboxMessageResponse>>, ValidationProblem>> ListAsync(
        SbbDbContext db, string? status, string? source, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (status is not null && !Statuses.Contains(status))
        {
            errors["status"] = [$"One of {string.Join(", ", Statuses)}."];
        }

        var page = PageRequest.From(limit, cursor);
        var after = CursorReader.Read(page, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var query = db.Set<InboxMessage>().AsNoTracking();
        query = status is null ? query : query.Where(m => m.Status == status);
        query = source is null ? query : query.Where(m => m.Source == source);
        if (after is not null)
        {
            query = query.Where(m => m.CreatedAt < after.CreatedAt || (m.CreatedAt == after.CreatedAt && m.Id.CompareTo(after.Id) < 0));
        }

        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(page.Limit + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(KeysetCursor.ToPage(rows, page.Limit, InboxMessageResponse.Summary, m => new CreatedIdCursor(m.CreatedAt, m.Id)));
    }

    private static async Task<Results<Ok<InboxMessageResponse>, ProblemHttpResult>> GetAsync(Guid id, SbbDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.Set<InboxMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        return row is null ? NotFound() : TypedResults.Ok(InboxMessageResponse.Detail(row));
    }

    private static async Task<Results<Accepted<InboxMessageResponse>, ProblemHttpResult>> ReplayAsync(
        Guid id, SbbDbContext db, IAuditWriter audit, TimeProvider timeProvider, Inbox.WebhookInboxSignal signal, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.Set<InboxMessage>().FromSqlInterpolated($"SELECT *, xmin FROM webhooks_inbox WHERE id = {id} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return NotFound();
        }

        if (row.SignatureValid != true)
        {
            return ApiProblems.Unprocessable(IntegrationErrors.InvalidSignature, "A delivery whose signature failed is never processed.");
        }

        var before = new { row.Status, row.Attempts };
        row.Status = "pending";
        row.MaxAttempts = row.Attempts + Math.Max(1, row.MaxAttempts);
        row.ScheduledFor = timeProvider.GetUtcNow();
        audit.Record("webhook.replayed", "webhook_inbox", row.Id, before, new { row.Status, row.MaxAttempts });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Accepted((string?)null, InboxMessageResponse.Summary(row));
    }

    private static ProblemHttpResult NotFound() => ApiProblems.NotFound(IntegrationErrors.InboxMessageNotFound, "No such webhook.");
}

/// <summary>A received webhook as operators see it (headers, payload and result in the detail only).</summary>
internal sealed record InboxMessageResponse(
    Guid Id,
    string Source,
    string WebhookType,
    string Status,
    bool? SignatureValid,
    string? ProviderEventId,
    int Attempts,
    int MaxAttempts,
    string? ErrorMessage,
    Guid? RelatedOrderId,
    Guid? RelatedPaymentId,
    Guid? RelatedFulfillmentId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? ProcessedAt,
    JsonElement? Headers = null,
    JsonElement? Payload = null,
    JsonElement? Result = null)
{
    internal static InboxMessageResponse Summary(InboxMessage m) => new(
        m.Id, m.Source, m.WebhookType, m.Status, m.SignatureValid, m.ProviderEventId, m.Attempts, m.MaxAttempts, m.ErrorMessage,
        m.RelatedOrderId, m.RelatedPaymentId, m.RelatedFulfillmentId, m.ReceivedAt, m.ProcessedAt);

    internal static InboxMessageResponse Detail(InboxMessage m) =>
        Summary(m) with { Headers = Parse(m.Headers), Payload = Parse(m.Payload), Result = m.Result is null ? null : Parse(m.Result) };

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
