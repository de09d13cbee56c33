using SbbCommerce.Api.Modules.Fulfillment.Data;
using SbbCommerce.Api.Modules.Fulfillment.History;
using SbbCommerce.Api.Modules.Integration.Contracts;

namespace SbbCommerce.Api.Modules.Fulfillment.Deliver;

/// <summary>
/// Shippo <c>track_updated</c>: each carrier status becomes a fulfilment history row (status, time, location); a status
/// older than the newest one recorded is skipped (carriers and Shippo deliver out of order); <c>DELIVERED</c> delivers the
/// fulfilment, and the order once every shipment arrived, exactly as an admin's deliver does.
/// </summary>
internal sealed class ShippoTrackingHandler(SbbDbContext db, FulfillmentDelivery delivery) : IInboundWebhookHandler
{
    public string Source => "shippo";

    public IReadOnlyCollection<string> EventTypes { get; } = ["track_updated"];

    public async Task<InboundOutcome> HandleAsync(InboundEvent inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var update = inbound.Payload.TryGetProperty("data", out var data) ? data.Deserialize<TrackUpdate>(ShippoJson) : null;
        if (update?.TrackingNumber is not { Length: > 0 } trackingNumber || update.TrackingStatus?.Status is not { Length: > 0 } status)
        {
            return new InboundOutcome("invalid", new { Reason = "data.tracking_number and data.tracking_status.status are required" });
        }

        var at = update.TrackingStatus.StatusDate?.ToUniversalTime() ?? inbound.ReceivedAt;
        var fulfillmentId = await db.Set<Shipment>().AsNoTracking().Where(s => s.TrackingNumber == trackingNumber)
            .OrderByDescending(s => s.CreatedAt).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(cancellationToken);
        if (fulfillmentId is null || await delivery.LockAsync(fulfillmentId.Value, cancellationToken) is not { } locked)
        {
            return new InboundOutcome("unknown_tracking_number", new { TrackingNumber = trackingNumber });
        }

        var latest = await db.Set<ShipmentStatusHistory>().Where(h => h.FulfillmentId == locked.Shipment.Id && h.CarrierTimestamp != null)
            .MaxAsync(h => h.CarrierTimestamp, cancellationToken);
        if (latest is { } newest && newest >= at)
        {
            return new InboundOutcome("stale", new { TrackingNumber = trackingNumber, Status = status, At = at, Newest = newest }, FulfillmentId: locked.Shipment.Id);
        }

        var location = update.TrackingStatus.Location is { } l ? string.Join(", ", new[] { l.City, l.State, l.Country }.Where(p => !string.IsNullOrEmpty(p))) : null;
        var metadata = JsonDefaults.Serialize(new { Source = "shippo", update.TrackingStatus.StatusDetails, Location = location, InboxId = inbound.InboxId });
        if (status.Equals("DELIVERED", StringComparison.OrdinalIgnoreCase) && FulfillmentDelivery.CanDeliver(locked.Shipment))
        {
            await delivery.DeliverAsync(locked.Shipment, locked.OrderId, at, new StatusActor(null, ActorType.Webhook), "delivered (carrier)", metadata,
                RequestContext.None, cancellationToken);
            return new InboundOutcome("delivered", new { TrackingNumber = trackingNumber, At = at }, OrderId: locked.OrderId, FulfillmentId: locked.Shipment.Id);
        }

        ShipmentHistory.Record(db, locked.Shipment, locked.Shipment.Status, "carrier tracking update", null, at,
            carrierStatus: status.Length > 100 ? status[..100] : status, metadata: metadata);
        var recorded = db.ChangeTracker.Entries<ShipmentStatusHistory>().Last().Entity;
        recorded.Location = location is { Length: > 200 } long200 ? long200[..200] : location;
        return new InboundOutcome("recorded", new { TrackingNumber = trackingNumber, Status = status, At = at }, OrderId: locked.OrderId,
            FulfillmentId: locked.Shipment.Id);
    }

    private static readonly JsonSerializerOptions ShippoJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record TrackUpdate(string? TrackingNumber, string? Carrier, TrackingStatus? TrackingStatus);

    private sealed record TrackingStatus(string? Status, string? StatusDetails, DateTimeOffset? StatusDate, TrackingLocation? Location);

    private sealed record TrackingLocation(string? City, string? State, string? Zip, string? Country);
}
