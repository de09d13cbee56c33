using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Methods.DeletePaymentMethod;

/// <summary>Delete switches a method off: payments keep pointing at it.</summary>
internal static class DeletePaymentMethodEndpoint
{
    public static RouteHandlerBuilder MapDeletePaymentMethod(this RouteGroupBuilder admin) =>
        admin.MapDelete("/payment-methods/{id:guid}", HandleAsync).WithName("AdminDeletePaymentMethod").WithSummary("Switch a method off.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid id, SbbDbContext db, IAuditWriter audit, TimeProvider timeProvider, ILogger<PaymentMethodRequest> logger, CancellationToken cancellationToken)
    {
        var method = await db.Set<PaymentMethod>().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (method is null)
        {
            return PaymentMethodFields.NotFound();
        }

        audit.Record("payment_method.deactivated", "payment_method", method.Id, new { method.IsActive }, new { IsActive = false });
        method.IsActive = false;
        method.UpdatedAt = timeProvider.GetDatabaseNow();
        await db.SaveChangesAsync(cancellationToken);
        PaymentsLog.PaymentMethodChanged(logger, method.Id, "deactivated");
        return TypedResults.NoContent();
    }
}
