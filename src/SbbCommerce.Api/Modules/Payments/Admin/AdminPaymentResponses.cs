using FluentValidation;
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

/// <summary>Verify: the money arrived.</summary>
/// <param name="ReceivedAmountCents">What actually arrived (default: the payment's amount).</param>
/// <param name="Notes">What the admin checked.</param>
internal sealed record VerifyPaymentRequest(int? ReceivedAmountCents, string? Notes);

/// <summary>Reject: the money did not arrive (or not like this).</summary>
/// <param name="Reason">Told to the customer.</param>
internal sealed record RejectPaymentRequest(string Reason);

internal sealed class VerifyPaymentRequestValidator : AbstractValidator<VerifyPaymentRequest>
{
    public VerifyPaymentRequestValidator()
    {
        RuleFor(r => r.ReceivedAmountCents).GreaterThan(0).When(r => r.ReceivedAmountCents is not null);
        RuleFor(r => r.Notes).MaximumLength(2000);
    }
}

internal sealed class RejectPaymentRequestValidator : AbstractValidator<RejectPaymentRequest>
{
    public RejectPaymentRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
}
