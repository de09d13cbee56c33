namespace SbbCommerce.Api.Modules.Payments.Admin.GetPayment;

internal static class GetAdminPaymentEndpoint
{
    public static RouteHandlerBuilder MapGetAdminPayment(this RouteGroupBuilder admin) =>
        admin.MapGet("/payments/{id:guid}", HandleAsync).WithName("AdminGetPayment").WithSummary("One payment with its order summary.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<AdminPaymentResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, AdminPaymentQueries queries, CancellationToken cancellationToken) =>
        await queries.FindAsync(id, cancellationToken) is { } payment
            ? TypedResults.Ok(payment)
            : ApiProblems.NotFound(PaymentsErrors.PaymentNotFound, "Payment not found.");
}
