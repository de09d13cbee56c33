using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.ListStatements;

internal static class ListStatementsEndpoint
{
    public static RouteHandlerBuilder MapListStatements(this RouteGroupBuilder admin) =>
        admin.MapGet("/reconciliation/statements", HandleAsync).WithName("AdminListStatements")
            .WithSummary("Uploaded statements, newest first, each with the counts and amounts of its lines: matched, suggested, unmatched, " +
                "dismissed (incoming), outgoing and fees.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<PagedResponse<StatementResponse>>, ValidationProblem>> HandleAsync(
        SbbDbContext db, ReconciliationQueries queries, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var page = PageRequest.From(limit, cursor);
        var after = CursorReader.Read(page, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var rows = (await queries.StatementsAsync(db.Set<ReconciliationStatement>().Page(page, after, s => s.CreatedAt, s => s.Id), cancellationToken))
            .OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).ToList();
        return TypedResults.Ok(KeysetCursor.ToPage(rows, page.Limit, row => row, row => new CreatedIdCursor(row.CreatedAt, row.Id)));
    }
}
