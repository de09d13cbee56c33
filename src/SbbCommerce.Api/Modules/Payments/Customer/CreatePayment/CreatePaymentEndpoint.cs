using SbbCommerce.Api.Common.Idempotency;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Ledger;

namespace SbbCommerce.Api.Modules.Payments.Customer.CreatePayment;

internal static class CreatePaymentEndpoint
{
    public static RouteHandlerBuilder MapCreatePayment(this RouteGroupBuilder api) =>
        api.MapPost("/orders/{orderNumber}/payments", HandleAsync).WithName("CreateOrderPayment")
            .WithSummary("Open a new payment for what the order still owes (or part of it: split tender). 422 invalid_payment_state " +
                "when the order is not awaiting payment or a payment is already open; payment_method_unavailable; amount_out_of_range.")
            .RequireAuthorization(Policies.User)
            .WithValidation<NewPaymentRequest>()
            .WithIdempotency()
            .ProducesErrors(StatusCodes.Status404NotFound, PaymentsErrors.OrderNotFound)
            .ProducesErrors(StatusCodes.Status422UnprocessableEntity, PaymentsErrors.InvalidPaymentState, PaymentsErrors.PaymentMethodUnavailable,
                PaymentsErrors.AmountOutOfRange);

    private static Task<Results<Created<PaymentView>, ProblemHttpResult>> HandleAsync(
        string orderNumber, NewPaymentRequest request, ICurrentUser currentUser, HttpContext httpContext, CreatePaymentHandler handler,
        CancellationToken cancellationToken) =>
        handler.HandleAsync(orderNumber, request, PaymentCaller.Customer(currentUser.UserId!.Value, httpContext), cancellationToken);
}
