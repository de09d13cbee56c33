using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Data;

namespace SbbCommerce.Api.Modules.Fulfillment.Views;

/// <summary>A fulfilment (one shipment): its lines with their lots, tracking, label and history.</summary>
/// <param name="Id">Fulfilment id.</param>
/// <param name="FulfillmentNumber">FUL-... number.</param>
/// <param name="OrderId">The order.</param>
/// <param name="OrderNumber">Its number.</param>
/// <param name="Status">unfulfilled (packed, not shipped), fulfilled (shipped), returned, partially_returned.</param>
/// <param name="Carrier">Carrier.</param>
/// <param name="ServiceLevel">Service level.</param>
/// <param name="TrackingNumber">Tracking number.</param>
/// <param name="TrackingUrl">Tracking page.</param>
/// <param name="LabelUrl">Bought label (Shippo), if any.</param>
/// <param name="ShippingCostCents">What the label cost.</param>
/// <param name="ShippingAddress">Address snapshot taken when the fulfilment was created.</param>
/// <param name="ShippedAt">When it shipped.</param>
/// <param name="DeliveredAt">When it was delivered.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Items">Its lines, one per lot drawn from.</param>
/// <param name="StatusHistory">Its steps, oldest first.</param>
internal sealed record FulfillmentResponse(
    Guid Id, string FulfillmentNumber, Guid OrderId, string OrderNumber, FulfillmentStatus Status, string? Carrier, string? ServiceLevel,
    string? TrackingNumber, string? TrackingUrl, string? LabelUrl, int? ShippingCostCents, JsonElement ShippingAddress, DateTimeOffset? ShippedAt,
    DateTimeOffset? DeliveredAt, DateTimeOffset CreatedAt, IReadOnlyList<FulfillmentItemResponse> Items,
    IReadOnlyList<FulfillmentHistoryResponse> StatusHistory);

/// <summary>Units of one order line drawn from one lot.</summary>
/// <param name="Id">Fulfilment item id.</param>
/// <param name="OrderItemId">The order line.</param>
/// <param name="Sku">Product sku.</param>
/// <param name="Name">Product name.</param>
/// <param name="Quantity">Units.</param>
/// <param name="QuantityReturned">Units of them that came back.</param>
/// <param name="BatchId">The lot.</param>
/// <param name="BatchNumber">Its number (on the packing slip and the vial).</param>
/// <param name="CoaUrl">Its certificate of analysis.</param>
internal sealed record FulfillmentItemResponse(
    Guid Id, Guid OrderItemId, string Sku, string Name, int Quantity, int QuantityReturned, Guid? BatchId, string? BatchNumber, string? CoaUrl);

/// <summary>One step of a fulfilment.</summary>
/// <param name="FromStatus">Before.</param>
/// <param name="ToStatus">After.</param>
/// <param name="Reason">Why.</param>
/// <param name="CarrierStatus">The carrier's word for it (<c>delivered</c>).</param>
/// <param name="ChangedBy">Who.</param>
/// <param name="CreatedAt">When.</param>
internal sealed record FulfillmentHistoryResponse(
    FulfillmentStatus? FromStatus, FulfillmentStatus ToStatus, string? Reason, string? CarrierStatus, Guid? ChangedBy, DateTimeOffset CreatedAt)
{
    public static FulfillmentHistoryResponse From(ShipmentStatusHistory h) =>
        new(h.FromStatus, h.ToStatus, h.Reason, h.CarrierStatus, h.ChangedBy, h.CreatedAt);
}
