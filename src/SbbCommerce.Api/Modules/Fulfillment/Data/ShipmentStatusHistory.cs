using SbbCommerce.Api.Modules.Fulfillment.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Data;

/// <summary>A row of <c>fulfillment_status_history</c>.</summary>
internal sealed class ShipmentStatusHistory : StatusHistoryEntry<FulfillmentStatus>
{
    public Guid FulfillmentId { get; set; }
    public string? CarrierStatus { get; set; }
    public DateTimeOffset? CarrierTimestamp { get; set; }
    public string? Location { get; set; }
}
