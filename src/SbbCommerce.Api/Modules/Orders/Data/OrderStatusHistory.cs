using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Orders.Data;

/// <summary>A row of <c>order_status_history</c>.</summary>
internal sealed class OrderStatusHistory
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public OrderStatus? FromStatus { get; set; }
    public OrderStatus ToStatus { get; set; }
    public string? Reason { get; set; }
    public Guid? ChangedBy { get; set; }
    public string ChangedByType { get; set; } = "system";
    public string? Metadata { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
