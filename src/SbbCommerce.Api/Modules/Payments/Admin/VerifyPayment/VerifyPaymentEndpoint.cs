using SbbCommerce.Api.Common.Admin;
using SbbCommerce.Api.Common.Idempotency;
using SbbCommerce.Api.Modules.Payments.Ledger;
using SbbCommerce.Api.Modules.Payments.Verification;

namespace SbbCommerce.Api.Modules.Payments.Admin.VerifyPayment;

internal static class VerifyPaymentEndpoint
{
    public static RouteHandlerBuilder MapVerifyPayment(this RouteGroupBuilder admin) =>
        admin.MapPost("/payments/{id:guid}/verify", HandleAsync).WithName("AdminVerifyPayment")
            .WithSummary("The money arrived: completes the payment, raises the order's paid amount, and moves the order to " +
                "payment_received when fully paid (less leaves the rest due; more is recorded as an overpayment). Two admins at once: " +
                "one wins, the other gets 409. 422 invalid_payment_state when nothing was submitted.")
            .WithValidation<VerifyPaymentRequest>()
            .WithIdempotency()
            .ProducesErrors(StatusCodes.Status404NotFound, PaymentsErrors.PaymentNotFound)
            .ProducesErrors(StatusCodes.Status409Conflict, ErrorCodes.ConcurrencyConflict)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, PaymentsErrors.InvalidPaymentState);

    private static Task<Results<Ok<AdminPaymentResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, VerifyPaymentRequest request, ICurrentUser currentUser, HttpContext httpContext, PaymentVerifier verifier, AdminPaymentQueries queries,
        CancellationToken cancellationToken) =>
        DecisionResults.RefusalOrOkAsync(
            verifier.VerifyAsync(id, request, PaymentCaller.Admin(currentUser.UserId!.Value, httpContext), PaymentActions.AdminVerify, cancellationToken),
            () => queries.FindAsync(id, cancellationToken));
}
