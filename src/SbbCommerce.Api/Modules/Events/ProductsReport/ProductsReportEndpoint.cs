using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Events.Analytics;
using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Events.ProductsReport;

/// <summary>Per product: events from this module's table, orders through the Orders contract, names through the Catalog's.</summary>
internal static class ProductsReportEndpoint
{
    public static RouteHandlerBuilder MapProductsReport(this RouteGroupBuilder admin) =>
        admin.MapGet("/analytics/products", HandleAsync).WithName("AnalyticsProducts")
            .WithSummary("Views, cart adds, orders, units and paid revenue per product.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<ProductsResponse>, ValidationProblem>> HandleAsync(
        string? from, string? to, EventAnalyticsQueries queries, IOrderAnalytics orders, IProductCatalog catalog,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (ReportRange.Read(from, to, errors) is not { } range)
        {
            return ApiProblems.Validation(errors);
        }

        var activity = await queries.ProductActivityAsync(range, cancellationToken);
        var placed = await orders.OrdersCreatedAsync(range.Start, range.End, cancellationToken);
        var lines = placed.SelectMany(o => o.Lines.Select(l => (Order: o, Line: l))).ToLookup(x => x.Line.ProductId);
        var productIds = activity.Keys.Union(lines.Select(g => g.Key)).ToList();
        var names = (await catalog.GetProductsAsync(productIds, cancellationToken)).ToDictionary(p => p.Id, p => p.Name);
        var items = productIds.Select(id =>
            {
                var (views, adds) = activity.GetValueOrDefault(id);
                var sold = lines[id].ToList();
                return new ProductRow(id, names.GetValueOrDefault(id) ?? sold.Select(s => s.Line.ProductName).FirstOrDefault(), views, adds,
                    sold.Select(s => s.Order.OrderId).Distinct().Count(), sold.Sum(s => s.Line.Quantity),
                    sold.Where(s => s.Order.Paid).Sum(s => (long)s.Line.SubtotalCents));
            })
            .OrderByDescending(r => r.PaidRevenueCents).ThenByDescending(r => r.Views).ThenBy(r => r.ProductId)
            .ToList();
        return TypedResults.Ok(new ProductsResponse(range.From, range.To, items));
    }
}
