using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Orders.ChangeOrderStatus;

/// <summary>
/// A status change. Only moves of the order state machine are accepted (422 invalid_transition otherwise). For a
/// partially_refunded order, processing / ready_to_ship / shipped / delivered advance its fulfillmentProgress
/// (the units not refunded still ship) while its status stays partially_refunded.
/// </summary>
/// <param name="ToStatus">The status to move to.</param>
/// <param name="Reason">Why (kept in the history and the audit log).</param>
internal sealed record ChangeOrderStatusRequest(OrderStatus ToStatus, string? Reason);
