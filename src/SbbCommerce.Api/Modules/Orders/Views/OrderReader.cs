using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Orders.Data;
using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.Api.Modules.Orders.Views;

/// <summary>Builds full order answers (lines, payments, history) for customers and admins.</summary>
internal sealed class OrderReader(SbbDbContext db, IPaymentsModule payments, IOrderShipments shipments)
{
    public async Task<OrderResponse> ReadAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var items = await db.Set<OrderItem>().AsNoTracking().Where(i => i.OrderId == order.Id).OrderBy(i => i.CreatedAt).ThenBy(i => i.ProductSku)
            .ToListAsync(cancellationToken);
        var history = await db.Set<OrderStatusHistory>().AsNoTracking().Where(h => h.OrderId == order.Id).OrderBy(h => h.CreatedAt)
            .ToListAsync(cancellationToken);
        var skus = items.ToDictionary(i => i.Id, i => i.ProductSku);
        var fulfillments = (await shipments.ForOrderAsync(order.Id, cancellationToken))
            .Select(s => new OrderFulfillmentResponse(s.FulfillmentNumber, s.Status,
                s.Items.Select(i => new OrderFulfillmentItemResponse(skus.GetValueOrDefault(i.OrderItemId) ?? "", i.Quantity, i.BatchNumber, i.CoaUrl)).ToList(),
                s.Carrier, s.TrackingNumber, s.TrackingUrl, s.ShippedAt, s.DeliveredAt))
            .ToList();
        return OrderResponse.From(order, items, await payments.PaymentsOfOrderAsync(order.Id, cancellationToken), history, fulfillments);
    }
}
