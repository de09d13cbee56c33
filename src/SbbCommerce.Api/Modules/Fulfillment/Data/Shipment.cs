using SbbCommerce.Api.Modules.Fulfillment.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Data;

/// <summary>A row of <c>fulfillments</c>.</summary>
internal sealed class Shipment : RowVersioned
{
    public Guid Id { get; set; }
    public required string FulfillmentNumber { get; set; }
    public Guid OrderId { get; set; }
    public FulfillmentStatus Status { get; set; } = FulfillmentStatus.Unfulfilled;
    public string? Carrier { get; set; }
    public string? ServiceLevel { get; set; }
    public string? TrackingNumber { get; set; }
    public string? TrackingUrl { get; set; }
    public string? ShippoShipmentId { get; set; }
    public string? ShippoRateId { get; set; }
    public string? ShippoLabelUrl { get; set; }
    public int? ShippingCostCents { get; set; }
    public required string ShippingAddress { get; set; }
    public DateTimeOffset? ShippedAt { get; set; }
    public DateOnly? EstimatedDelivery { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public string? ErpShipmentId { get; set; }
    public DateTimeOffset? ErpSyncedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
