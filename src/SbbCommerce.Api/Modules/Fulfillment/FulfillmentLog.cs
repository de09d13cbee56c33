namespace SbbCommerce.Api.Modules.Fulfillment;

/// <summary>What the Fulfillment module logs (ids and outcomes; never tokens, addresses or whole payloads).</summary>
internal static partial class FulfillmentLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Label bought for fulfilment {FulfillmentNumber}: {Carrier} {ServiceLevel}, {CostCents} cents")]
    public static partial void LabelBought(ILogger logger, string fulfillmentNumber, string? carrier, string? serviceLevel, int costCents);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Shippo failed for fulfilment {FulfillmentNumber}: {Failure}")]
    public static partial void ShippoFailed(ILogger logger, string fulfillmentNumber, string failure);
}
