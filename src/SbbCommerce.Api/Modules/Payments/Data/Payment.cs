using System.Net;
using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.Api.Modules.Payments.Data;

/// <summary>A row of <c>payments</c>.</summary>
internal sealed class Payment : RowVersioned
{
    public Guid Id { get; set; }
    public required string PaymentReference { get; set; }
    public Guid OrderId { get; set; }
    public Guid UserId { get; set; }
    public Guid PaymentMethodId { get; set; }
    public int AmountCents { get; set; }
    public string Currency { get; set; } = Common.Money.Currency.Usd;
    public PaymentStatus Status { get; set; } = PaymentStatus.Pending;
    public string? CustomerReference { get; set; }
    public string? ProofFileUrl { get; set; }
    public string? CustomerNotes { get; set; }
    public Guid? VerifiedBy { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public string? VerificationNotes { get; set; }
    public int RefundedAmountCents { get; set; }
    public string? ErpPaymentId { get; set; }
    public DateTimeOffset? ErpSyncedAt { get; set; }
    public string? Metadata { get; set; }
    public IPAddress? IpAddress { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }

    /// <summary>What actually arrived, as the verifying admin saw it.</summary>
    public int? ReceivedAmountCents { get; set; }
    public string? ProofContentType { get; set; }

    /// <summary>SHA-256 (hex) of the proof file: the same screenshot on another payment is flagged.</summary>
    public string? ProofSha256 { get; set; }
}
