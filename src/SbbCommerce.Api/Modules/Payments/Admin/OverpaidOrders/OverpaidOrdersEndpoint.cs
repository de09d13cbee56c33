using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Payments.Admin.OverpaidOrders;

internal static class OverpaidOrdersEndpoint
{
    public static RouteHandlerBuilder MapOverpaidOrders(this RouteGroupBuilder admin) =>
        admin.MapGet("/payments/overpaid-orders", HandleAsync).WithName("AdminOverpaidOrders")
            .WithSummary("Orders paid beyond their total, awaiting a refund.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Ok<List<AdminOrderSummary>>> HandleAsync(IOrderPayments orders, int? limit, CancellationToken cancellationToken) =>
        TypedResults.Ok((await orders.OverpaidAsync(PageRequest.From(limit, null).Limit, cancellationToken)).Select(AdminPaymentQueries.Summary).ToList());
}
