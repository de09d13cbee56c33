using SbbCommerce.Api.Modules.Events.Analytics;
using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Events.AttributionReport;

/// <summary>
/// Attribution. Events are this module's own table (SQL in <see cref="EventAnalyticsQueries"/>); orders come through
/// the Orders contract (<see cref="IOrderAnalytics"/>), and the two are joined here in memory: orders in a range are
/// few next to events.
/// </summary>
internal static class AttributionReportEndpoint
{
    private const string FirstTouch = "first_touch";
    private const string LastTouch = "last_touch";
    private const string DefaultGroup = "source";
    private static readonly string[] Models = [FirstTouch, LastTouch];

    public static RouteHandlerBuilder MapAttributionReport(this RouteGroupBuilder admin) =>
        admin.MapGet("/analytics/attribution", HandleAsync).WithName("AnalyticsAttribution")
            .WithSummary("Visitors, signups, orders, paid revenue and conversion per UTM source, medium or campaign, first or last touch.")
            .WithDescription("from and to are UTC dates (YYYY-MM-DD), both included. Visitors are those first seen in the range " +
                "(a user and their stitched anonymous events are one visitor); signups, those of them who signed up in the range; " +
                "orders, those created in the range. first_touch: a visitor's first UTM ever (for an order, its customer's); " +
                "last_touch: a visitor's latest UTM, and the order's own UTM for orders. Read from rollups kept with every event write.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<AttributionResponse>, ValidationProblem>> HandleAsync(
        string? from, string? to, string? groupBy, string? model, EventAnalyticsQueries queries, IOrderAnalytics orders,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var range = ReportRange.Read(from, to, errors);
        groupBy ??= DefaultGroup;
        model ??= FirstTouch;
        if (!EventAnalyticsQueries.GroupColumns.TryGetValue(groupBy, out var column))
        {
            errors["groupBy"] = ["One of source, medium, campaign."];
        }

        if (!Models.Contains(model))
        {
            errors["model"] = [$"One of {string.Join(", ", Models)}."];
        }

        if (errors.Count > 0 || range is null || column is null)
        {
            return ApiProblems.Validation(errors);
        }

        var firstTouch = model == FirstTouch;
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

    private static string? OrderUtm(OrderFact order, string groupBy) => groupBy switch
    {
        "source" => order.UtmSource,
        "medium" => order.UtmMedium,
        _ => order.UtmCampaign,
    };

    /// <summary>Dictionary slot of a key: null (no UTM) cannot be a dictionary key.</summary>
    private static string Slot(string? key) => key is null ? "\0" : key;
}
