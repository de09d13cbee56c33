using Microsoft.EntityFrameworkCore;
using SbbCommerce.Api.Common.Persistence;
using SbbCommerce.Api.Modules.Catalog.Data;

namespace SbbCommerce.Api.Modules.Catalog.Batches;

/// <summary>Keyset of the recipients list: order time, then the shipment or order line.</summary>
/// <param name="OrderedAt">Order time of the last row seen.</param>
/// <param name="LineId">Fulfillment item or order item id of the last row seen.</param>
internal sealed record RecipientCursor(DateTimeOffset OrderedAt, Guid LineId);

/// <summary>
/// Who received units of a batch (a recall). Orders and fulfillments belong to other modules, so this is SQL
/// over their tables rather than their entities (a module never reaches into another's types); it only reads.
/// A line names its batch by id or, when it only kept the number (an order snapshots the batch on sale at
/// checkout), by the product and batch number.
/// </summary>
internal static class BatchRecipients
{
    public static async Task<List<RecipientRow>> ReadAsync(
        SbbDbContext db, ProductBatch batch, RecipientCursor? after, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(batch);
        var (batchId, productId, number) = (batch.Id, batch.ProductId, batch.BatchNumber);
        var hasCursor = after is not null;
        var afterAt = after?.OrderedAt ?? DateTimeOffset.UnixEpoch;
        var afterId = after?.LineId ?? Guid.Empty;
        return await db.Database.SqlQuery<RecipientRow>($"""
            SELECT r.* FROM (
                SELECT 'shipped' AS kind, fi.id AS line_id, o.id AS order_id, o.order_number, o.status::text AS order_status,
                       o.created_at AS ordered_at, u.id AS customer_id, u.email AS customer_email, o.customer_name,
                       f.id AS fulfillment_id, f.fulfillment_number, f.status::text AS fulfillment_status, f.carrier,
                       f.tracking_number, f.shipped_at, f.delivered_at, oi.product_id, oi.product_sku, fi.quantity
                  FROM fulfillment_items fi
                  JOIN fulfillments f ON f.id = fi.fulfillment_id
                  JOIN order_items oi ON oi.id = fi.order_item_id
                  JOIN orders o ON o.id = oi.order_id
                  JOIN users u ON u.id = o.user_id
                 WHERE fi.batch_id = {batchId}
                    OR (fi.batch_id IS NULL AND fi.batch_number = {number} AND oi.product_id = {productId})
                UNION ALL
                SELECT 'allocated', oi.id, o.id, o.order_number, o.status::text, o.created_at, u.id, u.email, o.customer_name,
                       NULL::uuid, NULL::varchar, NULL::text, NULL::varchar, NULL::varchar, NULL::timestamptz, NULL::timestamptz,
                       oi.product_id, oi.product_sku, oi.quantity - shipped.quantity
                  FROM order_items oi
                  JOIN orders o ON o.id = oi.order_id
                  JOIN users u ON u.id = o.user_id
                  CROSS JOIN LATERAL (SELECT COALESCE(sum(fi.quantity), 0)::int AS quantity
                                        FROM fulfillment_items fi WHERE fi.order_item_id = oi.id) shipped
                 WHERE (oi.batch_id = {batchId} OR (oi.batch_id IS NULL AND oi.batch_number = {number} AND oi.product_id = {productId}))
                   AND o.status <> 'cancelled' AND oi.quantity > shipped.quantity
            ) r
            WHERE NOT {hasCursor} OR (r.ordered_at, r.line_id) > ({afterAt}, {afterId})
            ORDER BY r.ordered_at, r.line_id
            LIMIT {take}
            """).ToListAsync(cancellationToken);
    }
}

/// <summary>One row of the recipients query.</summary>
internal sealed class RecipientRow
{
    public required string Kind { get; init; }
    public Guid LineId { get; init; }
    public Guid OrderId { get; init; }
    public required string OrderNumber { get; init; }
    public required string OrderStatus { get; init; }
    public DateTimeOffset OrderedAt { get; init; }
    public Guid CustomerId { get; init; }
    public required string CustomerEmail { get; init; }
    public required string CustomerName { get; init; }
    public Guid? FulfillmentId { get; init; }
    public string? FulfillmentNumber { get; init; }
    public string? FulfillmentStatus { get; init; }
    public string? Carrier { get; init; }
    public string? TrackingNumber { get; init; }
    public DateTimeOffset? ShippedAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public Guid ProductId { get; init; }
    public required string ProductSku { get; init; }
    public int Quantity { get; init; }

    public BatchRecipientResponse ToResponse() => new(
        Kind, OrderId, OrderNumber, OrderStatus, OrderedAt, CustomerId, CustomerEmail, CustomerName, FulfillmentId, FulfillmentNumber,
        FulfillmentStatus, Carrier, TrackingNumber, ShippedAt, DeliveredAt, ProductId, ProductSku, Quantity);
}
