using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Methods.UpdatePaymentMethod;

internal static class UpdatePaymentMethodEndpoint
{
    public static RouteHandlerBuilder MapUpdatePaymentMethod(this RouteGroupBuilder admin) =>
        admin.MapPut("/payment-methods/{id:guid}", HandleAsync).WithName("AdminUpdatePaymentMethod").WithSummary("Replace a payment method.")
            .WithValidation<PaymentMethodRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<PaymentMethodAdminResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, PaymentMethodRequest request, SbbDbContext db, IAuditWriter audit, TimeProvider timeProvider, ILogger<PaymentMethodRequest> logger,
        CancellationToken cancellationToken)
    {
        var method = await db.Set<PaymentMethod>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (method is null)
        {
            return PaymentMethodFields.NotFound();
        }

        var before = PaymentMethodAdminResponse.From(method);
        PaymentMethodFields.Apply(method, request, timeProvider.GetDatabaseNow());
        audit.Record("payment_method.updated", "payment_method", method.Id, before, PaymentMethodAdminResponse.From(method));
        await db.SaveChangesAsync(cancellationToken);
        PaymentsLog.PaymentMethodChanged(logger, method.Id, "updated");
        return TypedResults.Ok(PaymentMethodAdminResponse.From(method));
    }
}
