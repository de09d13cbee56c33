using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Orders.StateMachine;

/// <summary>
/// The order's states, written once. <see cref="Machine"/> is the table of API.md; anything not in it is 422
/// invalid_transition.
/// <para>
/// A partial refund does not stop fulfilment: the units not refunded still ship. A <c>partially_refunded</c> order
/// keeps that status (the money state; only <c>refunded</c> follows it) and moves its
/// <c>fulfillment_progress</c> along <see cref="FulfillmentChain"/> instead: processing, ready_to_ship, shipped,
/// delivered. Asking a partially refunded order for one of those statuses advances its progress, writes a history
/// row (partially_refunded to partially_refunded, with the progress step in its metadata) and stamps
/// shipped_at / delivered_at like the plain chain does.
/// </para>
/// </summary>
internal static class OrderStateMachine
{
    public static readonly StateMachine<OrderStatus> Machine = new(new Dictionary<OrderStatus, OrderStatus[]>
    {
        [OrderStatus.PendingPayment] = [OrderStatus.PaymentReceived, OrderStatus.Cancelled],
        [OrderStatus.PaymentReceived] = [OrderStatus.Processing, OrderStatus.Refunded, OrderStatus.PartiallyRefunded],
        [OrderStatus.Processing] = [OrderStatus.ReadyToShip, OrderStatus.Refunded, OrderStatus.PartiallyRefunded],
        // Money can go back at every paid step: packed (the packed units return to the shelf on a full refund) and in
        // transit (the goods are gone; the status says where the money stands).
        [OrderStatus.ReadyToShip] = [OrderStatus.Shipped, OrderStatus.Refunded, OrderStatus.PartiallyRefunded],
        [OrderStatus.Shipped] = [OrderStatus.Delivered, OrderStatus.Refunded, OrderStatus.PartiallyRefunded],
        [OrderStatus.Delivered] = [OrderStatus.Refunded, OrderStatus.PartiallyRefunded],
        [OrderStatus.PartiallyRefunded] = [OrderStatus.Refunded],
    });

    /// <summary>The fulfilment steps a partially refunded order still takes.</summary>
    public static readonly StateMachine<OrderStatus> FulfillmentChain = new(new Dictionary<OrderStatus, OrderStatus[]>
    {
        [OrderStatus.PaymentReceived] = [OrderStatus.Processing],
        [OrderStatus.Processing] = [OrderStatus.ReadyToShip],
        [OrderStatus.ReadyToShip] = [OrderStatus.Shipped],
        [OrderStatus.Shipped] = [OrderStatus.Delivered],
    });

    /// <summary>Whether the move is allowed, for the order as it stands (status and, when partially refunded, progress).</summary>
    public static bool CanMove(OrderStatus status, OrderStatus? progress, OrderStatus to) =>
        status == OrderStatus.PartiallyRefunded && to != OrderStatus.Refunded
            ? FulfillmentChain.CanMove(progress ?? OrderStatus.PaymentReceived, to)
            : Machine.CanMove(status, to);
}
