namespace SbbCommerce.Api.Modules.Fulfillment.Contracts;

/// <summary>An order's shipments, for the order views of the Orders module (customer and admin).</summary>
public interface IOrderShipments
{
    /// <summary>The order's fulfilments, oldest first, with their lots and COA links.</summary>
    Task<IReadOnlyList<OrderShipmentView>> ForOrderAsync(Guid orderId, CancellationToken cancellationToken);
}

/// <summary>One shipment of an order.</summary>
/// <param name="FulfillmentNumber">FUL-... number.</param>
/// <param name="Status">Its status.</param>
/// <param name="Items">Its lines, one per lot.</param>
/// <param name="Carrier">Carrier.</param>
/// <param name="TrackingNumber">Tracking number.</param>
/// <param name="TrackingUrl">Tracking page.</param>
/// <param name="ShippedAt">When it shipped.</param>
/// <param name="DeliveredAt">When it arrived.</param>
public sealed record OrderShipmentView(
    string FulfillmentNumber, FulfillmentStatus Status, IReadOnlyList<OrderShipmentItemView> Items, string? Carrier, string? TrackingNumber,
    string? TrackingUrl, DateTimeOffset? ShippedAt, DateTimeOffset? DeliveredAt);

/// <summary>Units of an order line from one lot.</summary>
/// <param name="OrderItemId">The order line.</param>
/// <param name="Quantity">Units.</param>
/// <param name="BatchNumber">The lot number (on the vial).</param>
/// <param name="CoaUrl">Its certificate of analysis.</param>
public sealed record OrderShipmentItemView(Guid OrderItemId, int Quantity, string? BatchNumber, string? CoaUrl);
