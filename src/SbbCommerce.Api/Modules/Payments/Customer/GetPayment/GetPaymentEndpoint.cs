using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Customer.GetPayment;

internal static class GetPaymentEndpoint
{
    public static RouteHandlerBuilder MapGetPayment(this RouteGroupBuilder api) =>
        api.MapGet("/payments/{paymentReference}", HandleAsync).WithName("GetMyPayment")
            .WithSummary("One of the user's payments (another user's is 404).")
            .RequireAuthorization(Policies.User)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<PaymentDetailResponse>, ProblemHttpResult>> HandleAsync(
        string paymentReference, ICurrentUser currentUser, SbbDbContext db, CancellationToken cancellationToken)
    {
        var row = await (from payment in db.Set<Payment>().AsNoTracking()
                         join method in db.Set<PaymentMethod>().AsNoTracking() on payment.PaymentMethodId equals method.Id
                         where payment.PaymentReference == paymentReference && payment.UserId == currentUser.UserId
                         select new { payment, method }).SingleOrDefaultAsync(cancellationToken);
        return row is null
            ? ApiProblems.NotFound(PaymentsErrors.PaymentNotFound, "Payment not found.")
            : TypedResults.Ok(PaymentDetailResponse.From(row.payment, row.method));
    }
}
