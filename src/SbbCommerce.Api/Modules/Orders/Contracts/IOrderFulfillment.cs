namespace SbbCommerce.Api.Modules.Orders.Contracts;

/// <summary>
/// What the Fulfillment module does to orders. Every method works in the caller's DbContext transaction: the
/// shipment and the order change commit together.
/// </summary>
public interface IOrderFulfillment
{
    /// <summary>
    /// The order with its lines, its row locked until the caller's transaction ends (call it first): two admins
    /// fulfilling or shipping one order apply one after the other, so a line is never fulfilled beyond its units.
    /// </summary>
    Task<FulfillmentOrder?> LockAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>The orders among <paramref name="orderIds"/>, with their lines (no lock).</summary>
    Task<IReadOnlyList<FulfillmentOrder>> FindManyAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken);

    /// <summary>The order of a customer by its number (another customer's is null), with its lines.</summary>
    Task<FulfillmentOrder?> FindByNumberAsync(string orderNumber, Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Paid orders (payment_received, processing, ready_to_ship, or partially refunded before shipping) with units
    /// still to fulfil, oldest paid first, after the given (paid at, id) position.
    /// </summary>
    Task<IReadOnlyList<FulfillmentOrder>> QueueAsync(DateTimeOffset? afterPaidAt, Guid? afterId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Raises a line's <c>quantity_fulfilled</c> (one conditional UPDATE: never beyond ordered minus refunded); false
    /// when it would exceed it.
    /// </summary>
    Task<bool> AddFulfilledAsync(Guid orderItemId, int quantity, CancellationToken cancellationToken);

    /// <summary>
    /// A fulfilment was created: a paid order enters processing, and ready_to_ship (packed, awaiting the carrier) once
    /// <paramref name="everyUnitFulfilled"/>; a history row per step.
    /// </summary>
    Task RecordFulfillmentAsync(Guid orderId, bool everyUnitFulfilled, string reason, StatusActor actor, CancellationToken cancellationToken);

    /// <summary>
    /// A shipment left: carrier and tracking on the order; when <paramref name="everyUnitShipped"/> the order becomes
    /// shipped (or its fulfilment progress does, when partially refunded), else its fulfilment progress says
    /// partly shipped. Writes the history row either way.
    /// </summary>
    Task RecordShipmentAsync(Guid orderId, string carrier, string trackingNumber, bool everyUnitShipped, string reason, StatusActor actor,
        CancellationToken cancellationToken);

    /// <summary>A shipment arrived: when <paramref name="everyUnitDelivered"/> the shipped order becomes delivered (history row).</summary>
    Task RecordDeliveryAsync(Guid orderId, bool everyUnitDelivered, string reason, StatusActor actor, CancellationToken cancellationToken);
}

/// <summary>An order as fulfilment sees it.</summary>
/// <param name="Id">The order.</param>
/// <param name="OrderNumber">Its number.</param>
/// <param name="UserId">Its customer.</param>
/// <param name="CustomerEmail">Where messages go.</param>
/// <param name="CustomerName">The name on the order.</param>
/// <param name="Status">Its status.</param>
/// <param name="FulfillmentProgress">Where fulfilment stands when the status does not say it.</param>
/// <param name="ShippingAddress">The shipping address snapshot (JSON).</param>
/// <param name="CreatedAt">When it was placed.</param>
/// <param name="PaidAt">When it was paid.</param>
/// <param name="Lines">Its lines.</param>
/// <param name="ShippingMethod">The service level the customer paid for at checkout.</param>
public sealed record FulfillmentOrder(
    Guid Id, string OrderNumber, Guid UserId, string CustomerEmail, string CustomerName, OrderStatus Status, OrderStatus? FulfillmentProgress,
    string ShippingAddress, DateTimeOffset CreatedAt, DateTimeOffset? PaidAt, IReadOnlyList<FulfillmentOrderLine> Lines, string? ShippingMethod)
{
    /// <summary>Paid and not refunded in full, cancelled or finished: units may be fulfilled.</summary>
    public bool IsPaid => Status is OrderStatus.PaymentReceived or OrderStatus.Processing or OrderStatus.ReadyToShip or OrderStatus.Shipped
        or OrderStatus.PartiallyRefunded;
}

/// <summary>An order line as fulfilment sees it.</summary>
/// <param name="Id">The order item.</param>
/// <param name="ProductId">The product.</param>
/// <param name="Sku">Its sku (snapshot).</param>
/// <param name="Name">Its name (snapshot).</param>
/// <param name="Quantity">Units ordered.</param>
/// <param name="QuantityFulfilled">Units already in fulfilments.</param>
/// <param name="QuantityRefunded">Units refunded (never shipped).</param>
/// <param name="BatchNumber">The lot on sale at checkout (a hint; fulfilment picks the real lot).</param>
public sealed record FulfillmentOrderLine(
    Guid Id, Guid ProductId, string Sku, string Name, int Quantity, int QuantityFulfilled, int QuantityRefunded, string? BatchNumber)
{
    /// <summary>Units still to fulfil.</summary>
    public int Open => Math.Max(Quantity - QuantityFulfilled - QuantityRefunded, 0);

    /// <summary>Units that ship in the end (ordered minus refunded).</summary>
    public int ToShip => Math.Max(Quantity - QuantityRefunded, 0);
}
