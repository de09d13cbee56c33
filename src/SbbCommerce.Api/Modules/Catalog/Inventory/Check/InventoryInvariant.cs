using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Persistence;

namespace SbbCommerce.Api.Modules.Catalog.Inventory.Check;

/// <summary>
/// The stock invariant, as one SQL statement: for every product, <c>quantity_reserved</c> equals the units of live
/// orders, and a tracked product has <c>quantity_on_hand &gt;= quantity_reserved</c>.
/// <para>
/// "Live" follows what the code does with stock. Checkout reserves every unit of the order; shipping a fulfilment
/// commits its units (reserved and on hand both fall); cancelling, and a full refund before anything shipped, release
/// the units still held. So an order holds <c>its units - units in shipped fulfilments</c> unless it is
/// <c>cancelled</c> or <c>refunded</c>. Partial refunds are money only (no unit leaves the reservation).
/// </para>
/// <para>
/// It reads Catalog, Orders and Fulfillment tables at once on purpose: an invariant across modules is only proved by
/// one snapshot (one statement), since checkouts and shipments committing between several module queries would show
/// differences that are not there. It is read-only and lives with the stock it checks.
/// </para>
/// </summary>
internal static class InventoryInvariant
{
    public static async Task<IReadOnlyList<ProductStockCheck>> CheckAsync(SbbDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<ProductStockCheck>($"""
            WITH live_lines AS (
                SELECT oi.id, oi.product_id, oi.quantity
                  FROM order_items oi
                  JOIN orders o ON o.id = oi.order_id
                 WHERE o.status NOT IN ('cancelled', 'refunded')
            ), shipped AS (
                SELECT fi.order_item_id, sum(fi.quantity) AS units
                  FROM fulfillment_items fi
                  JOIN fulfillments f ON f.id = fi.fulfillment_id
                 WHERE f.shipped_at IS NOT NULL
                 GROUP BY fi.order_item_id
            ), held AS (
                SELECT l.product_id, sum(l.quantity - coalesce(s.units, 0))::int AS units
                  FROM live_lines l
                  LEFT JOIN shipped s ON s.order_item_id = l.id
                 GROUP BY l.product_id
            )
            SELECT p.id AS product_id, p.sku, p.track_inventory, p.quantity_on_hand, p.quantity_reserved,
                   coalesce(h.units, 0) AS live_units
              FROM products p
              LEFT JOIN held h ON h.product_id = p.id
             ORDER BY p.sku
            """).ToListAsync(cancellationToken);
}

/// <summary>One product's stock next to the units its live orders hold.</summary>
internal sealed record ProductStockCheck(Guid ProductId, string Sku, bool TrackInventory, int QuantityOnHand, int QuantityReserved, int LiveUnits)
{
    public bool ReservedMatches => QuantityReserved == LiveUnits;

    public bool OnHandCovers => !TrackInventory || QuantityOnHand >= QuantityReserved;
}
