using SbbCommerce.Api.Common.Admin;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.DismissLine;

internal static class DismissLineEndpoint
{
    public static RouteHandlerBuilder MapDismissLine(this RouteGroupBuilder admin) =>
        admin.MapPost("/reconciliation/lines/{id:guid}/dismiss", HandleAsync).WithName("AdminDismissStatementLine")
            .WithSummary("The line proves no payment; it is kept with the reason. 409 line_already_matched.")
            .WithValidation<DismissLineRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static Task<Results<Ok<LineResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, DismissLineRequest request, ICurrentUser currentUser, LineDecisions decisions, ReconciliationQueries queries,
        CancellationToken cancellationToken) =>
        DecisionResults.RefusalOrOkAsync(
            decisions.DismissAsync(id, request.Reason.Trim(), currentUser.UserId!.Value, cancellationToken),
            () => queries.LineAsync(id, cancellationToken));
}
