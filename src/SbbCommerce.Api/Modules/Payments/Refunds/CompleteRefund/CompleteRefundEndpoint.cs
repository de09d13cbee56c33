using SbbCommerce.Api.Modules.Payments.Ledger;

namespace SbbCommerce.Api.Modules.Payments.Refunds.CompleteRefund;

internal static class CompleteRefundEndpoint
{
    public static RouteHandlerBuilder MapCompleteRefund(this RouteGroupBuilder admin) =>
        admin.MapPost("/refunds/{id:guid}/complete", HandleAsync).WithName("AdminCompleteRefund")
            .WithSummary("The money went back: payment and order become partially_refunded or refunded.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static Task<Results<Ok<RefundResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ICurrentUser currentUser, HttpContext httpContext, CompleteRefundHandler handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(id, PaymentCaller.Admin(currentUser.UserId!.Value, httpContext), cancellationToken);
}
