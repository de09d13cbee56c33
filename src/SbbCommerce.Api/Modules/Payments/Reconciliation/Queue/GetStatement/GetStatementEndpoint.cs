using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.GetStatement;

internal static class GetStatementEndpoint
{
    public static RouteHandlerBuilder MapGetStatement(this RouteGroupBuilder admin) =>
        admin.MapGet("/reconciliation/statements/{id:guid}", HandleAsync).WithName("AdminGetStatement")
            .WithSummary("One statement with its summary.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<StatementResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, SbbDbContext db, ReconciliationQueries queries, CancellationToken cancellationToken) =>
        (await queries.StatementsAsync(db.Set<ReconciliationStatement>().Where(s => s.Id == id), cancellationToken)).SingleOrDefault() is { } statement
            ? TypedResults.Ok(statement)
            : ApiProblems.NotFound(ReconciliationErrors.StatementNotFound, "Statement not found.");
}
