using SbbCommerce.Api.Common.Admin;
using SbbCommerce.Api.Modules.Payments.Ledger;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.BulkConfirmLines;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.ConfirmLine;

internal static class ConfirmLineEndpoint
{
    public static RouteHandlerBuilder MapConfirmLine(this RouteGroupBuilder admin) =>
        admin.MapPost("/reconciliation/lines/{id:guid}/confirm", HandleAsync).WithName("AdminConfirmStatementLine")
            .WithSummary("This line proves this payment: the payment is verified through the normal flow for the line's amount. " +
                "409 line_already_matched / payment_already_matched; 422 line_not_incoming.")
            .WithValidation<ConfirmLineRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<Results<Ok<LineResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ConfirmLineRequest request, ICurrentUser currentUser, HttpContext httpContext, LineDecisions decisions, ReconciliationQueries queries,
        CancellationToken cancellationToken) =>
        DecisionResults.RefusalOrOkAsync(
            decisions.ConfirmAsync([new BulkConfirmItem(id, request.PaymentId)], request.Notes, PaymentCaller.Admin(currentUser.UserId!.Value, httpContext),
                cancellationToken),
            () => queries.LineAsync(id, cancellationToken));
}
