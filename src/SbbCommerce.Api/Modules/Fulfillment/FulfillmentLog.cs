namespace SbbCommerce.Api.Modules.Fulfillment;

/// <summary>What the Fulfillment module logs (ids and outcomes; never tokens, addresses or whole payloads).</summary>
internal static partial class FulfillmentLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Label bought for fulfilment {FulfillmentNumber}: {Carrier} {ServiceLevel}, {CostCents} cents")]
    public static partial void LabelBought(ILogger logger, string fulfillmentNumber, string? carrier, string? serviceLevel, int costCents);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Fulfilment {FulfillmentNumber} created for order {OrderId}: {Units} units from {Lots} lots")]
    public static partial void Created(ILogger logger, string fulfillmentNumber, Guid orderId, int units, int lots);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Fulfilment {FulfillmentNumber} shipped with {Carrier}; every unit of order {OrderId} shipped: {EveryUnit}")]
    public static partial void Shipped(ILogger logger, string fulfillmentNumber, string? carrier, Guid orderId, bool everyUnit);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Fulfilment {FulfillmentNumber} delivered ({ActorType}); every unit of order {OrderId} delivered: {EveryUnit}")]
    public static partial void Delivered(ILogger logger, string fulfillmentNumber, string actorType, Guid orderId, bool everyUnit);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Shippo failed for fulfilment {FulfillmentNumber}: {Failure}")]
    public static partial void ShippoFailed(ILogger logger, string fulfillmentNumber, string failure);
}
