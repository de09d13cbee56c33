using SbbCommerce.Api.Common.Admin;
using SbbCommerce.Api.Modules.Payments.Ledger;
using SbbCommerce.Api.Modules.Payments.Verification;

namespace SbbCommerce.Api.Modules.Payments.Admin.RejectPayment;

internal static class RejectPaymentEndpoint
{
    public static RouteHandlerBuilder MapRejectPayment(this RouteGroupBuilder admin) =>
        admin.MapPost("/payments/{id:guid}/reject", HandleAsync).WithName("AdminRejectPayment")
            .WithSummary("The money did not arrive: payment failed, the customer is told why and may pay again.")
            .WithValidation<RejectPaymentRequest>()
            .ProducesErrors(StatusCodes.Status404NotFound, PaymentsErrors.PaymentNotFound)
            .ProducesErrors(StatusCodes.Status409Conflict, ErrorCodes.ConcurrencyConflict)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, PaymentsErrors.InvalidPaymentState);

    private static Task<Results<Ok<AdminPaymentResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, RejectPaymentRequest request, ICurrentUser currentUser, HttpContext httpContext, PaymentVerifier verifier, AdminPaymentQueries queries,
        CancellationToken cancellationToken) =>
        DecisionResults.RefusalOrOkAsync(
            verifier.RejectAsync(id, request.Reason, PaymentCaller.Admin(currentUser.UserId!.Value, httpContext), cancellationToken),
            () => queries.FindAsync(id, cancellationToken));
}
