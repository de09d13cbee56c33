using SbbCommerce.Api.Modules.Integration.Views;

namespace SbbCommerce.Api.Modules.Integration.ListOutbox;

internal static class ListOutboxEndpoint
{
    public static RouteHandlerBuilder MapListOutbox(this RouteGroupBuilder admin) =>
        admin.MapGet("/outbox", HandleAsync).WithName("AdminListOutbox")
            .WithSummary("Outbox messages, newest first, filtered by status (pending, sent, failed, dead), destination and event type; keyset pages.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<PagedResponse<OutboxMessageResponse>>, ValidationProblem>> HandleAsync(
        SbbDbContext db, string? status, string? destination, string? eventType, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var list = MessageListQuery.Read(status, OutboxStatuses.All, limit, cursor, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var query = db.Set<OutboxMessage>().AsNoTracking();
        query = status is null ? query : query.Where(m => m.Status == status);
        query = destination is null ? query : query.Where(m => m.Destination == destination);
        query = eventType is null ? query : query.Where(m => m.EventType == eventType);
        return TypedResults.Ok(await query.ToPageAsync(list.Page, list.After, m => m.CreatedAt, m => m.Id, OutboxMessageResponse.Summary, cancellationToken));
    }
}
