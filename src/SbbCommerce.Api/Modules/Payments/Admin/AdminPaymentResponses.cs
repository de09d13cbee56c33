using SbbCommerce.Api.Modules.Orders.Contracts;
using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.Api.Modules.Payments.Admin;

/// <summary>
/// A payment in the admin queue: what to look for in the bank, and the order it pays. <c>ReusedProofOf</c> names the
/// other payments whose proof file or customer reference this payment's equals (empty when none): never verify those blind.
/// </summary>
internal sealed record AdminPaymentResponse(
    Guid Id,
    string PaymentReference,
    PaymentStatus Status,
    int AmountCents,
    int? ReceivedAmountCents,
    int RefundedAmountCents,
    string Method,
    PaymentMethodType MethodType,
    string? CustomerReference,
    string? CustomerNotes,
    string? ProofUrl,
    string? ProofContentType,
    string? VerificationNotes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? CompletedAt,
    AdminOrderSummary Order,
    IReadOnlyList<string> ReusedProofOf);

/// <summary>The order behind a payment.</summary>
internal sealed record AdminOrderSummary(Guid Id, string OrderNumber, OrderStatus Status, string CustomerEmail, int TotalCents, int AmountPaidCents,
    int AmountDueCents, int OverpaidCents);
