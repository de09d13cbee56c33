namespace SbbCommerce.Api.Modules.Fulfillment.Contracts;

/// <summary>Units that left the warehouse, for the Catalog's stock invariant.</summary>
public interface IShippedUnits
{
    /// <summary>
    /// The lines of shipments that shipped (an order line may have several), as a query to compose: the stock
    /// invariant reads it in the same statement as the orders and products (one snapshot).
    /// </summary>
    IQueryable<ShippedOrderLine> ByOrderLine();
}

/// <summary>Units of one order line in one shipped shipment.</summary>
public sealed class ShippedOrderLine
{
    /// <summary>The order line.</summary>
    public Guid OrderItemId { get; init; }

    /// <summary>Units that left in that shipment.</summary>
    public int Units { get; init; }
}
