using SbbCommerce.Api.Modules.Fulfillment.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Data;

/// <summary>A row of <c>fulfillment_status_history</c>.</summary>
internal sealed class ShipmentStatusHistory
{
    public Guid Id { get; set; }
    public Guid FulfillmentId { get; set; }
    public FulfillmentStatus? FromStatus { get; set; }
    public FulfillmentStatus ToStatus { get; set; }
    public string? Reason { get; set; }
    public Guid? ChangedBy { get; set; }
    public string? CarrierStatus { get; set; }
    public DateTimeOffset? CarrierTimestamp { get; set; }
    public string? Location { get; set; }
    public string? Metadata { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
