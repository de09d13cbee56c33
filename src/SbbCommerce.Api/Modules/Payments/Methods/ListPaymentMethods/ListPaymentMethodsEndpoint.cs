using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Methods.ListPaymentMethods;

internal static class ListPaymentMethodsEndpoint
{
    public static RouteHandlerBuilder MapListPaymentMethods(this RouteGroupBuilder api) =>
        api.MapGet("/payment-methods", HandleAsync).WithName("ListPaymentMethods")
            .WithSummary("Active payment methods in display order, with instructions, details and limits.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Ok<List<PaymentMethodView>>> HandleAsync(SbbDbContext db, CancellationToken cancellationToken)
    {
        var methods = await db.Set<PaymentMethod>().AsNoTracking()
            .Where(m => m.IsActive)
            .OrderBy(m => m.SortOrder).ThenBy(m => m.Name)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(methods.Select(PaymentMethodViews.From).ToList());
    }
}
