using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Data;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Recall;

/// <summary>Units of a lot in one shipment line: the order, the customer, the shipment.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="OrderNumber">Its number.</param>
/// <param name="OrderStatus">Its status.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="CustomerEmail">Their current email.</param>
/// <param name="CustomerName">The name on the order.</param>
/// <param name="FirstName">Their first name, when known.</param>
/// <param name="FulfillmentId">The shipment.</param>
/// <param name="FulfillmentNumber">Its number.</param>
/// <param name="FulfillmentStatus">Its status.</param>
/// <param name="Carrier">Carrier.</param>
/// <param name="TrackingNumber">Tracking number.</param>
/// <param name="ShippedAt">When it shipped (null: packed, not shipped yet).</param>
/// <param name="DeliveredAt">When it arrived.</param>
/// <param name="Sku">Product sku.</param>
/// <param name="Quantity">Units of the lot.</param>
internal sealed record BatchRecipientResponse(
    Guid OrderId, string OrderNumber, OrderStatus OrderStatus, Guid CustomerId, string CustomerEmail, string CustomerName, string? FirstName,
    Guid FulfillmentId, string FulfillmentNumber, FulfillmentStatus FulfillmentStatus, string? Carrier, string? TrackingNumber,
    DateTimeOffset? ShippedAt, DateTimeOffset? DeliveredAt, string Sku, int Quantity);

/// <summary>Keyset of the recipients list: the shipment line's creation time and id.</summary>
/// <param name="CreatedAt">Of the last line seen.</param>
/// <param name="Id">Its id.</param>
internal sealed record RecipientCursor(DateTimeOffset CreatedAt, Guid Id);

/// <summary>
/// Who got units of a lot, from this module's fulfillment_items; orders and customers come through the Orders and
/// Identity contracts (no SQL over their tables).
/// </summary>
internal sealed class BatchRecipients(SbbDbContext db, IOrderFulfillment orders, ICustomerDirectory customers)
{
    /// <summary>Up to <paramref name="take"/> rows after <paramref name="after"/>, oldest shipment line first, with their keys.</summary>
    public async Task<List<(BatchRecipientResponse Row, RecipientCursor Key)>> ReadAsync(
        Guid batchId, bool shippedOnly, RecipientCursor? after, int take, CancellationToken cancellationToken)
    {
        var query = from i in db.Set<ShipmentItem>().AsNoTracking()
                    join s in db.Set<Shipment>().AsNoTracking() on i.FulfillmentId equals s.Id
                    where i.BatchId == batchId && (!shippedOnly || s.ShippedAt != null)
                    select new { Item = i, Shipment = s };
        if (after is not null)
        {
            var (at, id) = (after.CreatedAt.ToUniversalTime(), after.Id);
            query = query.Where(x => x.Item.CreatedAt > at || (x.Item.CreatedAt == at && x.Item.Id.CompareTo(id) > 0));
        }

        var rows = await query.OrderBy(x => x.Item.CreatedAt).ThenBy(x => x.Item.Id).Take(take).ToListAsync(cancellationToken);
        var orderMap = (await orders.FindManyAsync(rows.Select(r => r.Shipment.OrderId).Distinct().ToList(), cancellationToken)).ToDictionary(o => o.Id);
        var contacts = (await customers.GetContactsAsync(orderMap.Values.Select(o => o.UserId).Distinct().ToList(), cancellationToken))
            .ToDictionary(c => c.UserId);
        return rows.Select(r =>
        {
            var order = orderMap[r.Shipment.OrderId];
            var contact = contacts.GetValueOrDefault(order.UserId);
            var line = order.Lines.Single(l => l.Id == r.Item.OrderItemId);
            var row = new BatchRecipientResponse(order.Id, order.OrderNumber, order.Status, order.UserId, contact?.Email ?? order.CustomerEmail,
                order.CustomerName, contact?.FirstName, r.Shipment.Id, r.Shipment.FulfillmentNumber, r.Shipment.Status, r.Shipment.Carrier,
                r.Shipment.TrackingNumber, r.Shipment.ShippedAt, r.Shipment.DeliveredAt, line.Sku, r.Item.Quantity);
            return (row, new RecipientCursor(r.Item.CreatedAt, r.Item.Id));
        }).ToList();
    }

    /// <summary>Every row (in pages of 500, so a big lot never loads one huge query).</summary>
    public async Task<List<BatchRecipientResponse>> ReadAllAsync(Guid batchId, bool shippedOnly, CancellationToken cancellationToken)
    {
        const int PageSize = 500;
        var all = new List<BatchRecipientResponse>();
        RecipientCursor? after = null;
        while (true)
        {
            var page = await ReadAsync(batchId, shippedOnly, after, PageSize, cancellationToken);
            all.AddRange(page.Select(p => p.Row));
            if (page.Count < PageSize)
            {
                return all;
            }

            after = page[^1].Key;
        }
    }
}
