using SbbCommerce.Api.Common.Money;
using SbbCommerce.Api.Modules.Integration.Contracts;
using SbbCommerce.Api.Modules.Orders.Data;

namespace SbbCommerce.Api.Modules.Orders.Erp;

/// <summary>
/// The <c>sales_order.created</c> message of a paid order: lines with our order item id, SKU, quantity and unit price,
/// totals, addresses and the customer (known to the ERP by our user id). Keyed by the order, like every ERP message
/// about it, so its payment, shipments and credit memos never overtake it.
/// </summary>
internal static class SalesOrderMessage
{
    public const string EntityType = "order";

    public static async Task EnqueueAsync(SbbDbContext db, IOutboxWriter outbox, Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(order);
        var lines = await db.Set<OrderItem>().AsNoTracking().Where(i => i.OrderId == order.Id).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .Select(i => new ErpSalesOrderLine(i.Id, i.ProductId, i.ProductSku, i.ProductName, i.Quantity, i.UnitPriceCents, i.Quantity * i.UnitPriceCents))
            .ToListAsync(cancellationToken);
        var message = new ErpSalesOrder(
            order.Id, order.OrderNumber, order.UserId, order.CustomerEmail, Currency.Usd, order.SubtotalCents, order.DiscountCents, order.ShippingCents,
            order.TaxCents, order.TotalCents, order.AmountPaidCents, order.PaidAt, Address(order.ShippingAddress), Address(order.BillingAddress), lines);
        outbox.Enqueue(OutboxDestinations.EpicorPropello, ErpEventTypes.SalesOrderCreated, message, EntityType, order.Id);
    }

    private static ErpAddress? Address(string? snapshot) =>
        string.IsNullOrEmpty(snapshot) ? null : JsonSerializer.Deserialize<ErpAddress>(snapshot, JsonDefaults.Options);
}
