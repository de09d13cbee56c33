namespace SbbCommerce.Api.Modules.Payments.Contracts;

/// <summary>What other modules (Orders) ask of Payments. Every method works in the caller's transaction.</summary>
public interface IPaymentsModule
{
    /// <summary>An active method with its limits, or null when it does not exist or is switched off.</summary>
    Task<PaymentMethodView?> FindActiveMethodAsync(Guid methodId, CancellationToken cancellationToken);

    /// <summary>
    /// A new <c>pending</c> payment for an order: unique reference, expiry from the method's confirmation window,
    /// an <c>initiated</c> attempt, the instructions message (outbox) and the payment.initiated event.
    /// </summary>
    Task<PaymentView> InitiateAsync(NewPayment payment, CancellationToken cancellationToken);

    /// <summary>The orders among <paramref name="orderIds"/> that have a live payment (pending or awaiting verification).</summary>
    Task<IReadOnlySet<Guid>> OrdersWithLivePaymentsAsync(IReadOnlyCollection<Guid> orderIds, CancellationToken cancellationToken);

    /// <summary>Whether a payment of the order was submitted and waits for an admin.</summary>
    Task<bool> HasPaymentAwaitingVerificationAsync(Guid orderId, CancellationToken cancellationToken);

    /// <summary>Cancels the order's pending payments (the order was cancelled); returns how many.</summary>
    Task<int> CancelPendingPaymentsAsync(Guid orderId, StatusActor actor, CancellationToken cancellationToken);

    /// <summary>The order's payments, oldest first (order detail pages).</summary>
    Task<IReadOnlyList<PaymentView>> PaymentsOfOrderAsync(Guid orderId, CancellationToken cancellationToken);
}

/// <summary>A payment to open for an order, with where the caller's request came from (recorded on the payment and its first attempt).</summary>
public sealed record NewPayment(Guid OrderId, string OrderNumber, Guid UserId, string CustomerEmail, Guid PaymentMethodId, int AmountCents,
    StatusActor Actor, System.Net.IPAddress? IpAddress, string? UserAgent);

/// <summary>A payment method as a customer sees it.</summary>
public sealed record PaymentMethodView(
    Guid Id, PaymentMethodType MethodType, string Name, string Instructions, System.Text.Json.JsonElement Details, int? MinAmountCents,
    int? MaxAmountCents, int ConfirmationWindowHours, int SortOrder, string? IconUrl)
{
    public bool Accepts(int amountCents) =>
        amountCents >= (MinAmountCents ?? 0) && (MaxAmountCents is null || amountCents <= MaxAmountCents);
}

/// <summary>A payment with what the customer needs to pay it.</summary>
public sealed record PaymentView(
    Guid Id,
    string PaymentReference,
    Guid OrderId,
    PaymentStatus Status,
    int AmountCents,
    string Currency,
    int RefundedAmountCents,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    PaymentMethodView Method);
