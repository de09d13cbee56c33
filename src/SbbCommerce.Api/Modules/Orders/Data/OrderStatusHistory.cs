using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Orders.Data;

/// <summary>A row of <c>order_status_history</c>.</summary>
internal sealed class OrderStatusHistory : StatusHistoryEntry<OrderStatus>
{
    public Guid OrderId { get; set; }
    public string ChangedByType { get; set; } = "system";
}
