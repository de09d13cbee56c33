using SbbCommerce.Api.Common.Idempotency;
using SbbCommerce.Api.Modules.Payments.Ledger;

namespace SbbCommerce.Api.Modules.Payments.Refunds.CreateRefund;

internal static class CreateRefundEndpoint
{
    public static RouteHandlerBuilder MapCreateRefund(this RouteGroupBuilder admin) =>
        admin.MapPost("/payments/{id:guid}/refunds", HandleAsync).WithName("AdminCreateRefund")
            .WithSummary("Create a pending refund (422 refund_exceeds_paid above what is refundable; 422 invalid_payment_state unless completed).")
            .WithValidation<CreateRefundRequest>()
            .WithIdempotency()
            .ProducesErrors(StatusCodes.Status404NotFound, PaymentsErrors.PaymentNotFound)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, PaymentsErrors.InvalidPaymentState, PaymentsErrors.RefundExceedsPaid);

    private static Task<Results<Created<RefundResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, CreateRefundRequest request, ICurrentUser currentUser, HttpContext httpContext, CreateRefundHandler handler,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(id, request, PaymentCaller.Admin(currentUser.UserId!.Value, httpContext), cancellationToken);
}
