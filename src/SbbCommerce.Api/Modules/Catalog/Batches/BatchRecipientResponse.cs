namespace SbbCommerce.Api.Modules.Catalog.Batches;

/// <summary>
/// Units of a batch that went to (or are set aside for) a customer: one row per shipment line drawn from the
/// batch, plus one per order line allocated to the batch whose units have not all shipped yet.
/// </summary>
/// <param name="Kind"><c>shipped</c> (a fulfillment drew these units from the batch) or <c>allocated</c> (an order line assigned to the batch, units not yet in a fulfillment).</param>
/// <param name="OrderId">The order.</param>
/// <param name="OrderNumber">Its number, as the customer knows it.</param>
/// <param name="OrderStatus">Its status (order_status label).</param>
/// <param name="OrderedAt">When it was placed.</param>
/// <param name="CustomerId">The customer's user id.</param>
/// <param name="CustomerEmail">The customer's current email.</param>
/// <param name="CustomerName">The name on the order.</param>
/// <param name="FulfillmentId">The shipment (shipped rows).</param>
/// <param name="FulfillmentNumber">Its number.</param>
/// <param name="FulfillmentStatus">Its status (fulfillment_status label).</param>
/// <param name="Carrier">Carrier.</param>
/// <param name="TrackingNumber">Tracking number.</param>
/// <param name="ShippedAt">When it shipped.</param>
/// <param name="DeliveredAt">When it was delivered.</param>
/// <param name="ProductId">The product.</param>
/// <param name="ProductSku">Its sku on the order.</param>
/// <param name="Quantity">Units of the batch.</param>
internal sealed record BatchRecipientResponse(
    string Kind,
    Guid OrderId,
    string OrderNumber,
    string OrderStatus,
    DateTimeOffset OrderedAt,
    Guid CustomerId,
    string CustomerEmail,
    string CustomerName,
    Guid? FulfillmentId,
    string? FulfillmentNumber,
    string? FulfillmentStatus,
    string? Carrier,
    string? TrackingNumber,
    DateTimeOffset? ShippedAt,
    DateTimeOffset? DeliveredAt,
    Guid ProductId,
    string ProductSku,
    int Quantity);
