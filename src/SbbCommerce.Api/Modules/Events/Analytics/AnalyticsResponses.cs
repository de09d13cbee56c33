namespace SbbCommerce.Api.Modules.Events.Analytics;

/// <summary>Attribution per UTM source, medium or campaign.</summary>
/// <param name="From">First day (UTC).</param>
/// <param name="To">Last day (UTC), included.</param>
/// <param name="GroupBy">source, medium or campaign.</param>
/// <param name="Model">first_touch (the visitor's first UTM) or last_touch (the visitor's latest; for orders, the order's own).</param>
/// <param name="Rows">One per value, null being "no UTM"; most paid revenue first.</param>
internal sealed record AttributionResponse(DateOnly From, DateOnly To, string GroupBy, string Model, IReadOnlyList<AttributionRow> Rows);

/// <summary>One UTM value's figures.</summary>
/// <param name="Key">The utm value; null for visitors and orders without one.</param>
/// <param name="Visitors">Distinct visitors first seen in the range (a user and their stitched anonymous events are one).</param>
/// <param name="Signups">Of them, those who signed up in the range.</param>
/// <param name="Orders">Orders created in the range (cancelled ones excluded).</param>
/// <param name="PaidOrders">Of them, those whose money arrived.</param>
/// <param name="PaidRevenueCents">Totals of the paid orders.</param>
/// <param name="Customers">Distinct customers of those orders.</param>
/// <param name="Conversion">Customers / visitors, to four decimals.</param>
internal sealed record AttributionRow(
    string? Key, long Visitors, long Signups, int Orders, int PaidOrders, long PaidRevenueCents, int Customers, double Conversion);

/// <summary>The purchase funnel, per distinct visitor.</summary>
internal sealed record FunnelResponse(DateOnly From, DateOnly To, IReadOnlyList<FunnelStep> Steps);

/// <summary>One step: visitors first viewing a product in the range who reached it after the previous one (at the same time or later) before the range's end.</summary>
/// <param name="EventName">The step's event.</param>
/// <param name="Visitors">Distinct visitors.</param>
/// <param name="ConversionFromPrevious">Visitors / the previous step's, four decimals (1 for the first step).</param>
/// <param name="ConversionFromFirst">Visitors / the first step's.</param>
internal sealed record FunnelStep(string EventName, long Visitors, double ConversionFromPrevious, double ConversionFromFirst);

/// <summary>Per product figures of the range.</summary>
internal sealed record ProductsResponse(DateOnly From, DateOnly To, IReadOnlyList<ProductRow> Items);

/// <summary>One product.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Name">Its name (null when the catalog no longer knows it and no order names it).</param>
/// <param name="Views">product.view events.</param>
/// <param name="Adds">cart.add events.</param>
/// <param name="Orders">Orders (cancelled excluded) with the product.</param>
/// <param name="Units">Units in those orders.</param>
/// <param name="PaidRevenueCents">Line subtotals of the paid orders among them.</param>
internal sealed record ProductRow(Guid ProductId, string? Name, long Views, long Adds, int Orders, int Units, long PaidRevenueCents);
