using Microsoft.AspNetCore.Http.HttpResults;
using SbbCommerce.Api.Common.Auth;
using SbbCommerce.Api.Common.Paging;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Common.Validation;
using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Queue;

/// <summary>The reconciliation queue: statements with their sums, lines with their candidates, and the admin's decisions.</summary>
internal static class ReconciliationQueueEndpoints
{
    public static RouteGroupBuilder MapReconciliationQueue(this RouteGroupBuilder admin)
    {
        admin.MapGet("/reconciliation/statements", ListStatementsAsync).WithName("AdminListStatements")
            .WithSummary("Uploaded statements, newest first, each with the counts and amounts of its lines: matched, suggested, unmatched, " +
                "dismissed (incoming), outgoing and fees.")
            .ProducesValidationProblem();
        admin.MapGet("/reconciliation/statements/{id:guid}", GetStatementAsync).WithName("AdminGetStatement")
            .WithSummary("One statement with its summary.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/reconciliation/lines", ListLinesAsync).WithName("AdminListStatementLines")
            .WithSummary("Statement lines by status (matched, suggested, unmatched, dismissed; default suggested), optionally of one statement, " +
                "oldest first, with their candidates, scores and reasons.")
            .ProducesValidationProblem();
        admin.MapPost("/reconciliation/lines/{id:guid}/confirm", ConfirmAsync).WithName("AdminConfirmStatementLine")
            .WithSummary("This line proves this payment: the payment is verified through the normal flow for the line's amount. " +
                "409 line_already_matched / payment_already_matched; 422 line_not_incoming.")
            .WithValidation<ConfirmLineRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        admin.MapPost("/reconciliation/lines/confirm", BulkConfirmAsync).WithName("AdminBulkConfirmStatementLines")
            .WithSummary("Confirm several lines, each with its payment, all or nothing: the first refusal is answered (with its lineId) and " +
                "nothing is booked.")
            .WithValidation<BulkConfirmRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        admin.MapPost("/reconciliation/lines/{id:guid}/dismiss", DismissAsync).WithName("AdminDismissStatementLine")
            .WithSummary("The line proves no payment; it is kept with the reason. 409 line_already_matched.")
            .WithValidation<DismissLineRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return admin;
    }

    private static async Task<Results<Ok<PagedResponse<StatementResponse>>, ValidationProblem>> ListStatementsAsync(
        SbbDbContext db, ReconciliationQueries queries, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var page = PageRequest.From(limit, cursor);
        var after = CursorReader.Read(page, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var query = db.Set<ReconciliationStatement>().AsQueryable();
        if (after is not null)
        {
            query = query.Where(s => s.CreatedAt < after.CreatedAt || (s.CreatedAt == after.CreatedAt && s.Id.CompareTo(after.Id) < 0));
        }

        var rows = (await queries.StatementsAsync(query.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Take(page.Limit + 1),
            cancellationToken)).OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).ToList();
        return TypedResults.Ok(KeysetCursor.ToPage(rows, page.Limit, row => row, row => new CreatedIdCursor(row.CreatedAt, row.Id)));
    }

    private static async Task<Results<Ok<StatementResponse>, ProblemHttpResult>> GetStatementAsync(
        Guid id, SbbDbContext db, ReconciliationQueries queries, CancellationToken cancellationToken) =>
        (await queries.StatementsAsync(db.Set<ReconciliationStatement>().Where(s => s.Id == id), cancellationToken)).SingleOrDefault() is { } statement
            ? TypedResults.Ok(statement)
            : ApiProblems.NotFound("statement_not_found", "Statement not found.");

    private static async Task<Results<Ok<PagedResponse<LineResponse>>, ValidationProblem>> ListLinesAsync(
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

    private static async Task<Results<Ok<LineResponse>, ProblemHttpResult>> ConfirmAsync(
        Guid id, ConfirmLineRequest request, ICurrentUser currentUser, LineDecisions decisions, ReconciliationQueries queries,
        CancellationToken cancellationToken)
    {
        var problem = await decisions.ConfirmAsync([new BulkConfirmItem(id, request.PaymentId)], request.Notes, currentUser.UserId!.Value,
            cancellationToken);
        return problem ?? (Results<Ok<LineResponse>, ProblemHttpResult>)TypedResults.Ok((await queries.LineAsync(id, cancellationToken))!);
    }

    private static async Task<Results<Ok<List<LineResponse>>, ProblemHttpResult>> BulkConfirmAsync(
        BulkConfirmRequest request, ICurrentUser currentUser, LineDecisions decisions, ReconciliationQueries queries, SbbDbContext db,
        CancellationToken cancellationToken)
    {
        var problem = await decisions.ConfirmAsync(request.Items, null, currentUser.UserId!.Value, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var ids = request.Items.Select(i => i.LineId).ToList();
        return TypedResults.Ok(await queries.LinesAsync(db.Set<ReconciliationLine>().Where(l => ids.Contains(l.Id)).OrderBy(l => l.Id),
            cancellationToken));
    }

    private static async Task<Results<Ok<LineResponse>, ProblemHttpResult>> DismissAsync(
        Guid id, DismissLineRequest request, ICurrentUser currentUser, LineDecisions decisions, ReconciliationQueries queries,
        CancellationToken cancellationToken)
    {
        var problem = await decisions.DismissAsync(id, request.Reason.Trim(), currentUser.UserId!.Value, cancellationToken);
        return problem ?? (Results<Ok<LineResponse>, ProblemHttpResult>)TypedResults.Ok((await queries.LineAsync(id, cancellationToken))!);
    }
}
