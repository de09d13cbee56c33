using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.Api.Modules.Payments;

/// <summary>What the Payments module did: ids, counts, states and durations; never names, references customers typed, or amounts.</summary>
internal static partial class PaymentsLog
{
    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Payment {PaymentId} opened for order {OrderId}")]
    public static partial void PaymentOpened(ILogger logger, Guid paymentId, Guid orderId);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "Proof submitted for payment {PaymentId} (file: {HasFile})")]
    public static partial void ProofSubmitted(ILogger logger, Guid paymentId, bool hasFile);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Warning,
        Message = "Proof file {StorageKey} removed: its submission did not commit")]
    public static partial void ProofFileDiscarded(ILogger logger, string storageKey);

    [LoggerMessage(EventId = 7204, Level = LogLevel.Information, Message = "Payment {PaymentId} verified ({Action}) for order {OrderId}")]
    public static partial void PaymentVerified(ILogger logger, Guid paymentId, string action, Guid orderId);

    [LoggerMessage(EventId = 7205, Level = LogLevel.Information, Message = "Payment {PaymentId} rejected")]
    public static partial void PaymentRejected(ILogger logger, Guid paymentId);

    [LoggerMessage(EventId = 7206, Level = LogLevel.Information, Message = "Refund {RefundId} created for payment {PaymentId}")]
    public static partial void RefundCreated(ILogger logger, Guid refundId, Guid paymentId);

    [LoggerMessage(EventId = 7207, Level = LogLevel.Information, Message = "Refund {RefundId} completed; payment {PaymentId} is {PaymentStatus}")]
    public static partial void RefundCompleted(ILogger logger, Guid refundId, Guid paymentId, PaymentStatus paymentStatus);

    [LoggerMessage(EventId = 7208, Level = LogLevel.Information, Message = "Payment expiry: {Expired} expired, {Refused} refused in {ElapsedMs:F0} ms")]
    public static partial void ExpiryRun(ILogger logger, int expired, int refused, double elapsedMs);

    [LoggerMessage(EventId = 7209, Level = LogLevel.Warning, Message = "Payment {PaymentId} was not expired: the state machine refused {Status} -> expired")]
    public static partial void ExpiryRefused(ILogger logger, Guid paymentId, PaymentStatus status);

    [LoggerMessage(EventId = 7210, Level = LogLevel.Information, Message = "Payment method {MethodId} {Change}")]
    public static partial void PaymentMethodChanged(ILogger logger, Guid methodId, string change);

    [LoggerMessage(EventId = 7211, Level = LogLevel.Information,
        Message = "Orphan proof cleanup: {Checked} files past the grace period checked, {Deleted} no payment names deleted in {ElapsedMs:F0} ms")]
    public static partial void OrphanProofsRun(ILogger logger, int @checked, int deleted, double elapsedMs);
}
