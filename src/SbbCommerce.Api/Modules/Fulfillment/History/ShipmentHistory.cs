using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Data;

namespace SbbCommerce.Api.Modules.Fulfillment.History;

/// <summary>Every change of a fulfilment writes its fulfillment_status_history row (in the caller's context).</summary>
internal static class ShipmentHistory
{
    /// <summary>
    /// Records a step. The status enum has no "delivered": a delivery is a row from fulfilled to fulfilled with the
    /// carrier status <c>delivered</c>.
    /// </summary>
    public static void Record(SbbDbContext db, Shipment shipment, FulfillmentStatus? from, string reason, Guid? changedBy, DateTimeOffset now,
        string? carrierStatus = null, string? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(shipment);
        db.Set<ShipmentStatusHistory>().Add(new ShipmentStatusHistory
        {
            Id = Guid.CreateVersion7(),
            FulfillmentId = shipment.Id,
            FromStatus = from,
            ToStatus = shipment.Status,
            Reason = reason,
            ChangedBy = changedBy,
            CarrierStatus = carrierStatus,
            CarrierTimestamp = carrierStatus is null ? null : now,
            Metadata = metadata,
            CreatedAt = now,
        });
    }
}
