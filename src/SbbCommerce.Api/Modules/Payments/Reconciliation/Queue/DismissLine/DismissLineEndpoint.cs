namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.DismissLine;

internal static class DismissLineEndpoint
{
    public static RouteHandlerBuilder MapDismissLine(this RouteGroupBuilder admin) =>
        admin.MapPost("/reconciliation/lines/{id:guid}/dismiss", HandleAsync).WithName("AdminDismissStatementLine")
            .WithSummary("The line proves no payment; it is kept with the reason. 409 line_already_matched.")
            .WithValidation<DismissLineRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<LineResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, DismissLineRequest request, ICurrentUser currentUser, LineDecisions decisions, ReconciliationQueries queries,
        CancellationToken cancellationToken)
    {
        if (await decisions.DismissAsync(id, request.Reason.Trim(), currentUser.UserId!.Value, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        return TypedResults.Ok((await queries.LineAsync(id, cancellationToken))!);
    }
}
