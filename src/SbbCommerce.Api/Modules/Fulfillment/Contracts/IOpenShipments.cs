namespace SbbCommerce.Api.Modules.Fulfillment.Contracts;

/// <summary>What the Orders module does to an order's fulfilments that have not left the warehouse.</summary>
public interface IOpenShipments
{
    /// <summary>
    /// Cancels every fulfilment of the order that has not shipped (packed units go back on the shelf: their lots
    /// regain the units, each fulfilment gets its history row and audit row) and returns the units per order line
    /// that are no longer packed. Works in the caller's transaction; the caller holds the order's row lock, so a
    /// shipment cannot leave between the read and the change.
    /// </summary>
    Task<IReadOnlyList<CancelledShipmentUnits>> CancelOpenAsync(Guid orderId, string reason, Guid? changedBy, CancellationToken cancellationToken);
}

/// <summary>Units of an order line that a cancelled fulfilment held.</summary>
/// <param name="OrderItemId">The order line.</param>
/// <param name="Quantity">Units no longer packed.</param>
public sealed record CancelledShipmentUnits(Guid OrderItemId, int Quantity);
