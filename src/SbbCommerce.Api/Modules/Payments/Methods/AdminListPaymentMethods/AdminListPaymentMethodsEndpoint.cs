using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Methods.AdminListPaymentMethods;

internal static class AdminListPaymentMethodsEndpoint
{
    public static RouteHandlerBuilder MapAdminListPaymentMethods(this RouteGroupBuilder admin) =>
        admin.MapGet("/payment-methods", HandleAsync).WithName("AdminListPaymentMethods").WithSummary("Every payment method, active or not.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Ok<List<PaymentMethodAdminResponse>>> HandleAsync(SbbDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.Set<PaymentMethod>().AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Name).ToListAsync(cancellationToken))
            .Select(PaymentMethodAdminResponse.From).ToList());
}
