using SbbCommerce.Api.Modules.Orders.Contracts;

namespace SbbCommerce.Api.Modules.Orders;

/// <summary>What the Orders module logs (ids, counts, durations; never addresses or payment details).</summary>
internal static partial class OrdersLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Order {OrderId} moves from {From} to {To} (by {ActorType}, with the caller's commit)")]
    public static partial void Moved(ILogger logger, Guid orderId, OrderStatus from, OrderStatus to, string actorType);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information,
        Message = "Unpaid orders job: {Cancelled} cancelled, {KeptForPayment} kept for a live payment, in {ElapsedMs:F0} ms")]
    public static partial void UnpaidRun(ILogger logger, int cancelled, int keptForPayment, double elapsedMs);
}
