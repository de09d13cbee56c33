using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Methods.CreatePaymentMethod;

internal static class CreatePaymentMethodEndpoint
{
    public static RouteHandlerBuilder MapCreatePaymentMethod(this RouteGroupBuilder admin) =>
        admin.MapPost("/payment-methods", HandleAsync).WithName("AdminCreatePaymentMethod").WithSummary("Add a payment method.")
            .WithValidation<PaymentMethodRequest>();

    private static async Task<Created<PaymentMethodAdminResponse>> HandleAsync(
        PaymentMethodRequest request, SbbDbContext db, IAuditWriter audit, TimeProvider timeProvider, ILogger<PaymentMethodRequest> logger,
        CancellationToken cancellationToken)
    {
        var now = timeProvider.GetDatabaseNow();
        var method = new PaymentMethod { Id = Guid.CreateVersion7(), Name = request.Name, Instructions = request.Instructions, PaymentDetails = "{}", CreatedAt = now };
        PaymentMethodFields.Apply(method, request, now);
        db.Set<PaymentMethod>().Add(method);
        audit.Record("payment_method.created", "payment_method", method.Id, null, PaymentMethodAdminResponse.From(method));
        await db.SaveChangesAsync(cancellationToken);
        PaymentsLog.PaymentMethodChanged(logger, method.Id, "created");
        return TypedResults.Created($"/api/v1/admin/payment-methods/{method.Id}", PaymentMethodAdminResponse.From(method));
    }
}
