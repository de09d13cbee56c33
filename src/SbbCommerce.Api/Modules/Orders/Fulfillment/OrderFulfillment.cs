using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Orders.Data;
using SbbCommerce.Api.Modules.Orders.StateMachine;

namespace SbbCommerce.Api.Modules.Orders.Fulfillment;

internal sealed class OrderFulfillment(SbbDbContext db, OrderTransitions transitions, TimeProvider timeProvider) : IOrderFulfillment
{
    private static readonly OrderStatus[] Fulfillable = [OrderStatus.PaymentReceived, OrderStatus.Processing, OrderStatus.ReadyToShip];
    private static readonly OrderStatus?[] ProgressBeforeShipping = [null, OrderStatus.PaymentReceived, OrderStatus.Processing, OrderStatus.ReadyToShip];

    public async Task<FulfillmentOrder?> LockAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var order = await db.LockAsync<Order>(orderId, cancellationToken);
        return order is null ? null : (await WithLinesAsync([order], cancellationToken))[0];
    }

    public async Task<IReadOnlyList<FulfillmentOrder>> FindManyAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken) =>
        await WithLinesAsync(await db.Set<Order>().AsNoTracking().Where(o => orderIds.Contains(o.Id)).ToListAsync(cancellationToken), cancellationToken);

    public async Task<FulfillmentOrder?> FindByNumberAsync(string orderNumber, Guid userId, CancellationToken cancellationToken)
    {
        var order = await db.Set<Order>().AsNoTracking().SingleOrDefaultAsync(o => o.OrderNumber == orderNumber && o.UserId == userId, cancellationToken);
        return order is null ? null : (await WithLinesAsync([order], cancellationToken))[0];
    }

    public async Task<IReadOnlyList<FulfillmentOrder>> QueueAsync(DateTimeOffset? afterPaidAt, Guid? afterId, int limit, CancellationToken cancellationToken)
    {
        var query = db.Set<Order>().AsNoTracking()
            .Where(o => o.PaidAt != null
                && (Fulfillable.Contains(o.Status) || (o.Status == OrderStatus.PartiallyRefunded && ProgressBeforeShipping.Contains(o.FulfillmentProgress)))
                && db.Set<OrderItem>().Any(i => i.OrderId == o.Id && i.Quantity - i.QuantityFulfilled - i.QuantityRefunded > 0));
        if (afterPaidAt?.ToUniversalTime() is { } paidAt && afterId is { } id)
        {
            query = query.Where(o => o.PaidAt > paidAt || (o.PaidAt == paidAt && o.Id.CompareTo(id) > 0));
        }

        var orders = await query.OrderBy(o => o.PaidAt).ThenBy(o => o.Id).Take(limit).ToListAsync(cancellationToken);
        return await WithLinesAsync(orders, cancellationToken);
    }

    public async Task<bool> AddFulfilledAsync(Guid orderItemId, int quantity, CancellationToken cancellationToken) =>
        await db.Set<OrderItem>()
            .Where(i => i.Id == orderItemId && i.QuantityFulfilled + quantity <= i.Quantity - i.QuantityRefunded)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.QuantityFulfilled, i => i.QuantityFulfilled + quantity), cancellationToken) == 1;

    public async Task RecordFulfillmentAsync(Guid orderId, bool everyUnitFulfilled, string reason, StatusActor actor, CancellationToken cancellationToken)
    {
        var order = await TrackedAsync(orderId, cancellationToken);
        if (Step(order) == OrderStatus.PaymentReceived)
        {
            await transitions.MoveAsync(order, OrderStatus.Processing, reason, actor, cancellationToken);
        }

        if (everyUnitFulfilled && Step(order) == OrderStatus.Processing)
        {
            await transitions.MoveAsync(order, OrderStatus.ReadyToShip, reason, actor, cancellationToken);
        }
    }

    /// <summary>Where fulfilment stands: the status, or the progress of a partially refunded order.</summary>
    private static OrderStatus Step(Order order) =>
        order.Status == OrderStatus.PartiallyRefunded ? order.FulfillmentProgress ?? OrderStatus.PaymentReceived : order.Status;

    public async Task RecordShipmentAsync(Guid orderId, string carrier, string trackingNumber, bool everyUnitShipped, string reason,
        StatusActor actor, CancellationToken cancellationToken)
    {
        var order = await TrackedAsync(orderId, cancellationToken);
        order.ShippingCarrier = carrier;
        order.TrackingNumber = trackingNumber;
        if (everyUnitShipped)
        {
            if (order.Status != OrderStatus.PartiallyRefunded)
            {
                order.FulfillmentProgress = null; // the status itself now says shipped
            }

            if (Step(order) == OrderStatus.Processing)
            {
                // Every unit left, so every unit was packed (a line refunded after packing can skip the step).
                await transitions.MoveAsync(order, OrderStatus.ReadyToShip, reason, actor, cancellationToken);
            }

            if (!await transitions.MoveAsync(order, OrderStatus.Shipped, reason, actor, cancellationToken))
            {
                throw new InvalidOperationException($"Order {order.OrderNumber} cannot become shipped from {order.Status}.");
            }

            return;
        }

        // Some units left, others wait: the status stays (processing) and the progress says shipped in part. A partially
        // refunded order keeps its progress step (its chain moves to shipped with the last unit). The history row keeps
        // the step either way (from = to, like a partially refunded order's progress steps).
        var now = timeProvider.GetDatabaseNow();
        var progressFrom = order.FulfillmentProgress;
        if (order.Status != OrderStatus.PartiallyRefunded)
        {
            order.FulfillmentProgress = OrderStatus.Shipped;
        }

        order.ShippedAt ??= now;
        order.UpdatedAt = now;
        db.Set<OrderStatusHistory>().Add(new OrderStatusHistory
        {
            Id = Guid.CreateVersion7(),
            OrderId = order.Id,
            FromStatus = order.Status,
            ToStatus = order.Status,
            Reason = reason,
            ChangedBy = actor.UserId,
            ChangedByType = actor.Type,
            Metadata = JsonDefaults.Serialize(new { FulfillmentProgressFrom = progressFrom, FulfillmentProgressTo = order.FulfillmentProgress, PartiallyShipped = true }),
            CreatedAt = now,
        });
    }

    public async Task RecordDeliveryAsync(Guid orderId, bool everyUnitDelivered, string reason, StatusActor actor, CancellationToken cancellationToken)
    {
        var order = await TrackedAsync(orderId, cancellationToken);
        var shipped = order.Status == OrderStatus.Shipped
            || (order.Status == OrderStatus.PartiallyRefunded && order.FulfillmentProgress == OrderStatus.Shipped);
        if (everyUnitDelivered && shipped)
        {
            await transitions.MoveAsync(order, OrderStatus.Delivered, reason, actor, cancellationToken);
        }
    }

    /// <summary>The order tracked by this context (the locked row when <see cref="LockAsync"/> read it).</summary>
    private async Task<Order> TrackedAsync(Guid orderId, CancellationToken cancellationToken) =>
        await db.Set<Order>().FindAsync([orderId], cancellationToken)
        ?? throw new InvalidOperationException($"Order {orderId} does not exist.");

    private async Task<List<FulfillmentOrder>> WithLinesAsync(List<Order> orders, CancellationToken cancellationToken)
    {
        var ids = orders.Select(o => o.Id).ToList();
        var lines = (await db.Set<OrderItem>().AsNoTracking().Where(i => ids.Contains(i.OrderId)).OrderBy(i => i.CreatedAt).ThenBy(i => i.ProductSku)
                .ToListAsync(cancellationToken))
            .ToLookup(i => i.OrderId);
        return orders.Select(o => new FulfillmentOrder(o.Id, o.OrderNumber, o.UserId, o.CustomerEmail, o.CustomerName, o.Status, o.FulfillmentProgress,
                o.ShippingAddress, o.CreatedAt, o.PaidAt,
                lines[o.Id].Select(i => new FulfillmentOrderLine(i.Id, i.ProductId, i.ProductSku, i.ProductName, i.Quantity, i.QuantityFulfilled,
                    i.QuantityRefunded, i.BatchNumber)).ToList(), o.ShippingMethod))
            .ToList();
    }
}
