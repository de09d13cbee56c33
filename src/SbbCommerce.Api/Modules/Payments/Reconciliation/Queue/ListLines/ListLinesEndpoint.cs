using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.ListLines;

internal static class ListLinesEndpoint
{
    public static RouteHandlerBuilder MapListLines(this RouteGroupBuilder admin) =>
        admin.MapGet("/reconciliation/lines", HandleAsync).WithName("AdminListStatementLines")
            .WithSummary("Statement lines by status (matched, suggested, unmatched, dismissed; default suggested), optionally of one statement, " +
                "oldest first, with their candidates, scores and reasons.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<PagedResponse<LineResponse>>, ValidationProblem>> HandleAsync(
        SbbDbContext db, ReconciliationQueries queries, string? status, Guid? statementId, int? limit, string? cursor,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var wanted = status ?? LineStatus.Suggested;
        if (!LineStatus.All.Contains(wanted, StringComparer.Ordinal))
        {
            errors["status"] = [$"status is one of {string.Join(", ", LineStatus.All)}."];
        }

        var page = PageRequest.From(limit, cursor);
        var after = CursorReader.Read(page, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var query = db.Set<ReconciliationLine>().Where(l => l.Status == wanted);
        if (statementId is not null)
        {
            query = query.Where(l => l.StatementId == statementId);
        }

        if (after is not null)
        {
            query = query.Where(l => l.CreatedAt > after.CreatedAt || (l.CreatedAt == after.CreatedAt && l.Id.CompareTo(after.Id) > 0));
        }

        var rows = await queries.LinesAsync(query.OrderBy(l => l.CreatedAt).ThenBy(l => l.Id).Take(page.Limit + 1), cancellationToken);
        rows = rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList();
        return TypedResults.Ok(KeysetCursor.ToPage(rows, page.Limit, row => row, row => new CreatedIdCursor(row.CreatedAt, row.Id)));
    }
}
