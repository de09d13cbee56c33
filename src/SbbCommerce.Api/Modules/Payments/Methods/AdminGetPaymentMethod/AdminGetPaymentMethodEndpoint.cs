using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Methods.AdminGetPaymentMethod;

internal static class AdminGetPaymentMethodEndpoint
{
    public static RouteHandlerBuilder MapAdminGetPaymentMethod(this RouteGroupBuilder admin) =>
        admin.MapGet("/payment-methods/{id:guid}", HandleAsync).WithName("AdminGetPaymentMethod").WithSummary("One payment method.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<PaymentMethodAdminResponse>, ProblemHttpResult>> HandleAsync(Guid id, SbbDbContext db, CancellationToken cancellationToken) =>
        await db.Set<PaymentMethod>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken) is { } method
            ? TypedResults.Ok(PaymentMethodAdminResponse.From(method))
            : PaymentMethodFields.NotFound();
}
