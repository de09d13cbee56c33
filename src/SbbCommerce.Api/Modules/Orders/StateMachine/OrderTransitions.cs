using SbbCommerce.Api.Modules.Catalog.Contracts;
using SbbCommerce.Api.Modules.Fulfillment.Contracts;
using SbbCommerce.Api.Modules.Integration.Contracts;
using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.Data;
using SbbCommerce.Api.Modules.Orders.Erp;
using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.Api.Modules.Orders.StateMachine;

/// <summary>
/// The one place an order changes status. It checks <see cref="OrderStateMachine"/>, stamps the timestamp column,
/// writes the order_status_history row and does what the new status implies: payment_received queues
/// sales_order.created for the ERP; cancelled releases the reserved stock and cancels pending payments; refunded
/// cancels the fulfilments packed but not shipped and releases every unit that did not ship (once: refunded is final). Everything lands in the caller's DbContext (one transaction with the caller's change).
/// </summary>
internal sealed class OrderTransitions(
    SbbDbContext db,
    IInventoryService inventory,
    IPaymentsModule payments,
    IOpenShipments openShipments,
    IOutboxWriter outbox,
    TimeProvider timeProvider,
    ILogger<OrderTransitions> logger)
{
    public const string SalesOrderCreated = ErpEventTypes.SalesOrderCreated;

    /// <summary>Moves the (tracked) order; false when the state machine refuses.</summary>
    public async Task<bool> MoveAsync(Order order, OrderStatus to, string? reason, StatusActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(actor);
        if (!OrderStateMachine.CanMove(order.Status, order.FulfillmentProgress, to))
        {
            return false;
        }

        var now = timeProvider.GetDatabaseNow();
        var from = order.Status;
        object? metadata = null;
        if (from == OrderStatus.PartiallyRefunded && to != OrderStatus.Refunded)
        {
            // A partially refunded order keeps its status; its fulfilment progress moves (see OrderStateMachine).
            metadata = new { FulfillmentProgressFrom = order.FulfillmentProgress ?? OrderStatus.PaymentReceived, FulfillmentProgressTo = to };
            order.FulfillmentProgress = to;
            to = OrderStatus.PartiallyRefunded;
        }
        else
        {
            if (to == OrderStatus.PartiallyRefunded)
            {
                order.FulfillmentProgress = from;
            }

            order.Status = to;
        }

        Stamp(order, metadata is null ? to : order.FulfillmentProgress!.Value, now);
        order.UpdatedAt = now;
        db.Set<OrderStatusHistory>().Add(new OrderStatusHistory
        {
            Id = Guid.CreateVersion7(),
            OrderId = order.Id,
            FromStatus = from,
            ToStatus = to,
            Reason = reason,
            ChangedBy = actor.UserId,
            ChangedByType = actor.Type,
            Metadata = metadata is null ? null : JsonDefaults.Serialize(metadata),
            CreatedAt = now,
        });

        await ApplyEffectsAsync(order, from, to, actor, cancellationToken);
        OrdersLog.Moved(logger, order.Id, from, to, actor.Type);
        return true;
    }

    /// <summary>The first history row of a new order (no "from").</summary>
    public OrderStatusHistory Start(Order order, StatusActor actor)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(actor);
        var first = new OrderStatusHistory
        {
            Id = Guid.CreateVersion7(),
            OrderId = order.Id,
            FromStatus = null,
            ToStatus = order.Status,
            Reason = "checkout",
            ChangedBy = actor.UserId,
            ChangedByType = actor.Type,
            CreatedAt = order.CreatedAt,
        };
        db.Set<OrderStatusHistory>().Add(first);
        return first;
    }

    private async Task ApplyEffectsAsync(Order order, OrderStatus from, OrderStatus to, StatusActor actor, CancellationToken cancellationToken)
    {
        switch (to)
        {
            case OrderStatus.PaymentReceived:
                await SalesOrderMessage.EnqueueAsync(db, outbox, order, cancellationToken);
                break;
            case OrderStatus.Cancelled:
                await ReleaseStockAsync(order, cancellationToken);
                await payments.CancelPendingPaymentsAsync(order.Id, actor, cancellationToken);
                break;
            case OrderStatus.Refunded:
                // Nothing more ships: packed units leave their fulfilments, then every unit that did not ship goes back
                // on the shelf (none when everything shipped).
                await CancelOpenShipmentsAsync(order, actor, cancellationToken);
                await ReleaseStockAsync(order, cancellationToken);
                break;
        }
    }

    private async Task CancelOpenShipmentsAsync(Order order, StatusActor actor, CancellationToken cancellationToken)
    {
        var cancelled = await openShipments.CancelOpenAsync(order.Id, "order refunded before shipping", actor.UserId, cancellationToken);
        foreach (var units in cancelled)
        {
            await db.Set<OrderItem>().Where(i => i.Id == units.OrderItemId && i.OrderId == order.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.QuantityFulfilled, i => i.QuantityFulfilled - units.Quantity), cancellationToken);
        }
    }

    private async Task ReleaseStockAsync(Order order, CancellationToken cancellationToken)
    {
        var lines = await db.Set<OrderItem>().AsNoTracking().Where(i => i.OrderId == order.Id)
            .GroupBy(i => i.ProductId).Select(g => new StockLine(g.Key, g.Sum(i => i.Quantity - i.QuantityFulfilled)))
            .ToListAsync(cancellationToken);
        var open = lines.Where(l => l.Quantity > 0).ToList();
        if (open.Count > 0)
        {
            var result = await inventory.ReleaseAsync(open, cancellationToken);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Releasing the stock of order {order.OrderNumber} failed: reserved stock is lower than the order holds.");
            }
        }
    }

    private static void Stamp(Order order, OrderStatus reached, DateTimeOffset now)
    {
        switch (reached)
        {
            case OrderStatus.PaymentReceived:
                order.PaidAt ??= now;
                break;
            case OrderStatus.Shipped:
                order.ShippedAt ??= now;
                break;
            case OrderStatus.Delivered:
                order.DeliveredAt ??= now;
                break;
            case OrderStatus.Cancelled:
                order.CancelledAt ??= now;
                break;
        }
    }
}
