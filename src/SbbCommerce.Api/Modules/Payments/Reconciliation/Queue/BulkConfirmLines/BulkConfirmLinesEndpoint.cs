using SbbCommerce.Api.Common.Admin;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Ledger;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.BulkConfirmLines;

internal static class BulkConfirmLinesEndpoint
{
    public static RouteHandlerBuilder MapBulkConfirmLines(this RouteGroupBuilder admin) =>
        admin.MapPost("/reconciliation/lines/confirm", HandleAsync).WithName("AdminBulkConfirmStatementLines")
            .WithSummary("Confirm several lines, each with its payment, all or nothing: the first refusal is answered (with its lineId) and " +
                "nothing is booked.")
            .WithValidation<BulkConfirmRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<Results<Ok<List<LineResponse>>, ProblemHttpResult>> HandleAsync(
        BulkConfirmRequest request, ICurrentUser currentUser, HttpContext httpContext, LineDecisions decisions, ReconciliationQueries queries,
        SbbDbContext db, CancellationToken cancellationToken)
    {
        var ids = request.Items.Select(i => i.LineId).ToList();
        return DecisionResults.RefusalOrOkAsync(
            decisions.ConfirmAsync(request.Items, null, PaymentCaller.Admin(currentUser.UserId!.Value, httpContext), cancellationToken),
            async () => await queries.LinesAsync(db.Set<ReconciliationLine>().Where(l => ids.Contains(l.Id)).OrderBy(l => l.Id), cancellationToken));
    }
}
