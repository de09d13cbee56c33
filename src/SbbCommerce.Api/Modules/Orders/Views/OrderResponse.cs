using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.Data;
using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.Api.Modules.Orders.Views;

/// <summary>An order with its lines, payments and history. Money in cents (USD).</summary>
internal sealed record OrderResponse(
    Guid Id,
    string OrderNumber,
    OrderStatus Status,
    OrderStatus? FulfillmentProgress,
    string CustomerEmail,
    string CustomerName,
    IReadOnlyList<OrderItemResponse> Items,
    int SubtotalCents,
    int DiscountCents,
    int ShippingCents,
    int TaxCents,
    int TotalCents,
    int AmountPaidCents,
    int AmountDueCents,
    string Currency,
    string? DiscountCode,
    JsonElement ShippingAddress,
    JsonElement BillingAddress,
    string? ShippingCarrier,
    string? TrackingNumber,
    string? CustomerNotes,
    string ComplianceVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? ShippedAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? CancelledAt,
    IReadOnlyList<PaymentView> Payments,
    IReadOnlyList<StatusHistoryResponse> StatusHistory,
    IReadOnlyList<OrderFulfillmentResponse> Fulfillments)
{
    public static OrderResponse From(Order o, IReadOnlyList<OrderItem> items, IReadOnlyList<PaymentView> payments, IReadOnlyList<OrderStatusHistory> history,
        IReadOnlyList<OrderFulfillmentResponse> fulfillments) => new(
        o.Id, o.OrderNumber, o.Status, o.FulfillmentProgress, o.CustomerEmail, o.CustomerName,
        items.Select(OrderItemResponse.From).ToList(), o.SubtotalCents, o.DiscountCents, o.ShippingCents, o.TaxCents, o.TotalCents,
        o.AmountPaidCents, Math.Max(o.TotalCents - o.AmountPaidCents, 0), Common.Money.Currency.Usd, o.DiscountCode, JsonValues.Parse(o.ShippingAddress), JsonValues.Parse(o.BillingAddress),
        o.ShippingCarrier, o.TrackingNumber, o.CustomerNotes, o.ComplianceVersion, o.CreatedAt, o.PaidAt, o.ShippedAt, o.DeliveredAt,
        o.CancelledAt, payments, history.Select(StatusHistoryResponse.From).ToList(), fulfillments);
}

/// <summary>An order line: what was bought, at which price (a snapshot; products can change later).</summary>
internal sealed record OrderItemResponse(Guid Id, Guid ProductId, string Sku, string Name, int Quantity, int UnitPriceCents, int SubtotalCents,
    int QuantityFulfilled, int QuantityRefunded, string? BatchNumber)
{
    public static OrderItemResponse From(OrderItem i) => new(i.Id, i.ProductId, i.ProductSku, i.ProductName, i.Quantity, i.UnitPriceCents,
        i.Quantity * i.UnitPriceCents, i.QuantityFulfilled, i.QuantityRefunded, i.BatchNumber);
}

/// <summary>A shipment of the order: its lots (batch number and certificate of analysis) and tracking.</summary>
/// <param name="FulfillmentNumber">FUL-... number.</param>
/// <param name="Status">unfulfilled (packed), fulfilled (shipped), returned, partially_returned.</param>
/// <param name="Items">Units per product and lot.</param>
/// <param name="Carrier">Carrier.</param>
/// <param name="TrackingNumber">Tracking number.</param>
/// <param name="TrackingUrl">Tracking page.</param>
/// <param name="ShippedAt">When it shipped.</param>
/// <param name="DeliveredAt">When it arrived.</param>
internal sealed record OrderFulfillmentResponse(string FulfillmentNumber, FulfillmentStatus Status,
    IReadOnlyList<OrderFulfillmentItemResponse> Items, string? Carrier, string? TrackingNumber, string? TrackingUrl, DateTimeOffset? ShippedAt,
    DateTimeOffset? DeliveredAt);

/// <summary>Units of one product from one lot.</summary>
/// <param name="Sku">Product sku.</param>
/// <param name="Quantity">Units.</param>
/// <param name="BatchNumber">Lot number (printed on the vial).</param>
/// <param name="CoaUrl">The lot's certificate of analysis.</param>
internal sealed record OrderFulfillmentItemResponse(string Sku, int Quantity, string? BatchNumber, string? CoaUrl);

/// <summary>One status change: who, when, why.</summary>
internal sealed record StatusHistoryResponse(OrderStatus? FromStatus, OrderStatus ToStatus, string? Reason, string ChangedByType, DateTimeOffset CreatedAt,
    JsonElement? Metadata)
{
    public static StatusHistoryResponse From(OrderStatusHistory h)
    {
        return new StatusHistoryResponse(h.FromStatus, h.ToStatus, h.Reason, h.ChangedByType, h.CreatedAt, JsonValues.ParseOrNull(h.Metadata));
    }
}

/// <summary>The answer of a checkout: the order and its first payment with the instructions.</summary>
internal sealed record CheckoutResponse(OrderResponse Order, PaymentView Payment);
