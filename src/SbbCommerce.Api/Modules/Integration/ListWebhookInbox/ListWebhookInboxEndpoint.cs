using SbbCommerce.Api.Modules.Integration.Data;
using SbbCommerce.Api.Modules.Integration.Views;

namespace SbbCommerce.Api.Modules.Integration.ListWebhookInbox;

internal static class ListWebhookInboxEndpoint
{
    public static RouteHandlerBuilder MapListWebhookInbox(this RouteGroupBuilder admin) =>
        admin.MapGet("/webhooks/inbox", HandleAsync).WithName("AdminListWebhookInbox")
            .WithSummary("Received webhooks, newest first, by status (pending, processing, completed, failed, skipped) and source; keyset pages.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<PagedResponse<InboxMessageResponse>>, ValidationProblem>> HandleAsync(
        SbbDbContext db, string? status, string? source, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var list = MessageListQuery.Read(status, InboxStatuses.All, limit, cursor, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var query = db.Set<InboxMessage>().AsNoTracking();
        query = status is null ? query : query.Where(m => m.Status == status);
        query = source is null ? query : query.Where(m => m.Source == source);
        return TypedResults.Ok(await query.ToPageAsync(list.Page, list.After, m => m.CreatedAt, m => m.Id, InboxMessageResponse.Summary, cancellationToken));
    }
}
