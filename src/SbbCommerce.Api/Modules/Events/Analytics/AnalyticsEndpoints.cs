using Microsoft.AspNetCore.Http.HttpResults;
using SbbCommerce.Api.Common.Problems;
using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Events.Analytics;

/// <summary>
/// The admin reports. Events are this module's own table (SQL in <see cref="EventAnalyticsQueries"/>); orders come
/// through the Orders contract (<see cref="IOrderAnalytics"/>) and product names through the Catalog's, and the two
/// are joined here in memory: orders in a range are few next to events.
/// </summary>
internal static class AnalyticsEndpoints
{
    private static readonly string[] Models = ["first_touch", "last_touch"];

    public static RouteGroupBuilder MapAnalytics(this RouteGroupBuilder admin)
    {
        admin.MapGet("/analytics/attribution", AttributionAsync).WithName("AnalyticsAttribution")
            .WithSummary("Visitors, signups, orders, paid revenue and conversion per UTM source, medium or campaign, first or last touch.")
            .WithDescription("from and to are UTC dates (YYYY-MM-DD), both included. Visitors are those first seen in the range " +
                "(a user and their stitched anonymous events are one visitor); signups, those of them who signed up in the range; " +
                "orders, those created in the range. first_touch: a visitor's first UTM ever (for an order, its customer's); " +
                "last_touch: a visitor's latest UTM, and the order's own UTM for orders. Read from rollups kept with every event write.")
            .ProducesValidationProblem();
        admin.MapGet("/analytics/funnel", FunnelAsync).WithName("AnalyticsFunnel")
            .WithSummary("product.view -> cart.add -> checkout.started -> checkout.completed -> payment.completed: distinct visitors per step.")
            .WithDescription("Visitors whose first product.view is in the range; each later step counts those who reached it (their first " +
                "such event at or after the previous step) before the range's end.")
            .ProducesValidationProblem();
        admin.MapGet("/analytics/products", ProductsAsync).WithName("AnalyticsProducts")
            .WithSummary("Views, cart adds, orders, units and paid revenue per product.")
            .ProducesValidationProblem();
        return admin;
    }

    private static async Task<Results<Ok<AttributionResponse>, ValidationProblem>> AttributionAsync(
        string? from, string? to, string? groupBy, string? model, EventAnalyticsQueries queries, IOrderAnalytics orders,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var range = ReportRange.Read(from, to, errors);
        groupBy ??= "source";
        model ??= "first_touch";
        if (!EventAnalyticsQueries.GroupColumns.TryGetValue(groupBy, out var column))
        {
            errors["groupBy"] = ["One of source, medium, campaign."];
        }

        if (!Models.Contains(model))
        {
            errors["model"] = ["One of first_touch, last_touch."];
        }

        if (errors.Count > 0 || range is null || column is null)
        {
            return ApiProblems.Validation(errors);
        }

        var firstTouch = model == "first_touch";
        var visitors = await queries.VisitorsByTouchAsync(range, column, firstTouch, cancellationToken);
        var placed = await orders.OrdersCreatedAsync(range.Start, range.End, cancellationToken);
        var customerTouch = firstTouch
            ? await queries.FirstTouchOfUsersAsync(column, placed.Select(o => o.UserId).Distinct().ToList(), cancellationToken)
            : [];
        var orderKeys = placed.Select(o => (Order: o, Key: firstTouch ? customerTouch.GetValueOrDefault(o.UserId) : OrderUtm(o, groupBy)));

        var rows = new Dictionary<string, AttributionRow>(StringComparer.Ordinal);
        foreach (var (key, visitorCount, signups) in visitors)
        {
            rows[Slot(key)] = new AttributionRow(key, visitorCount, signups, 0, 0, 0, 0, 0);
        }

        foreach (var group in orderKeys.GroupBy(o => Slot(o.Key)))
        {
            var row = rows.GetValueOrDefault(group.Key) ?? new AttributionRow(group.First().Key, 0, 0, 0, 0, 0, 0, 0);
            var paid = group.Where(o => o.Order.Paid).ToList();
            rows[group.Key] = row with
            {
                Orders = group.Count(),
                PaidOrders = paid.Count,
                PaidRevenueCents = paid.Sum(o => (long)o.Order.TotalCents),
                Customers = group.Select(o => o.Order.UserId).Distinct().Count(),
            };
        }

        var answer = rows.Values.Select(r => r with { Conversion = ReportRange.Ratio(r.Customers, r.Visitors) })
            .OrderByDescending(r => r.PaidRevenueCents).ThenByDescending(r => r.Visitors).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new AttributionResponse(range.From, range.To, groupBy, model, answer));
    }

    private static async Task<Results<Ok<FunnelResponse>, ValidationProblem>> FunnelAsync(
        string? from, string? to, EventAnalyticsQueries queries, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (ReportRange.Read(from, to, errors) is not { } range)
        {
            return ApiProblems.Validation(errors);
        }

        var counts = await queries.FunnelAsync(range, cancellationToken);
        var steps = counts.Select((visitors, step) => new FunnelStep(EventAnalyticsQueries.FunnelSteps[step], visitors,
            step == 0 ? 1 : ReportRange.Ratio(visitors, counts[step - 1]), ReportRange.Ratio(visitors, counts[0]))).ToList();
        return TypedResults.Ok(new FunnelResponse(range.From, range.To, steps));
    }

    private static async Task<Results<Ok<ProductsResponse>, ValidationProblem>> ProductsAsync(
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

    private static string? OrderUtm(OrderFact order, string groupBy) => groupBy switch
    {
        "source" => order.UtmSource,
        "medium" => order.UtmMedium,
        _ => order.UtmCampaign,
    };

    /// <summary>Dictionary slot of a key: null (no UTM) cannot be a dictionary key.</summary>
    private static string Slot(string? key) => key is null ? "\0" : key;
}
