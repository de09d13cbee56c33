namespace SbbCommerce.Api.Modules.Fulfillment.Data;

/// <summary>A row of <c>fulfillment_items</c>.</summary>
internal sealed class ShipmentItem
{
    public Guid Id { get; set; }
    public Guid FulfillmentId { get; set; }
    public Guid OrderItemId { get; set; }
    public int Quantity { get; set; }

    /// <summary>Units of this line that came back (returns).</summary>
    public int QuantityReturned { get; set; }
    public Guid? BatchId { get; set; }
    public string? BatchNumber { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
