namespace SbbCommerce.Api.Modules.Orders.Data;

/// <summary>A row of <c>order_items</c>.</summary>
internal sealed class OrderItem
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public Guid ProductId { get; set; }
    public required string ProductSku { get; set; }
    public required string ProductName { get; set; }
    public int Quantity { get; set; }
    public int UnitPriceCents { get; set; }
    public int? SubtotalCents { get; private set; }
    public Guid? BatchId { get; set; }
    public string? BatchNumber { get; set; }
    public int QuantityFulfilled { get; set; }
    public int QuantityRefunded { get; set; }
    public string? ErpLineId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
