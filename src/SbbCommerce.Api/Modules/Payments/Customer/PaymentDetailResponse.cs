using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Methods;
using SbbCommerce.Api.Modules.Payments.Reconciliation;

namespace SbbCommerce.Api.Modules.Payments.Customer;

/// <summary>A payment as its customer sees it. Money in cents.</summary>
/// <param name="Id">Payment id.</param>
/// <param name="PaymentReference">Put it in the transfer's memo.</param>
/// <param name="OrderId">The order it pays.</param>
/// <param name="Status">pending, awaiting_verification, completed, failed, expired, cancelled, partially_refunded, refunded.</param>
/// <param name="AmountCents">The amount asked for.</param>
/// <param name="ReceivedAmountCents">What the shop saw arrive (after verification).</param>
/// <param name="RefundedAmountCents">Refunded so far.</param>
/// <param name="Currency">USD.</param>
/// <param name="ExpiresAt">A pending payment expires then (send proof before).</param>
/// <param name="CustomerReference">The transfer's confirmation the customer gave.</param>
/// <param name="ProofUploaded">Whether a proof file was uploaded.</param>
/// <param name="CreatedAt">Opened at.</param>
/// <param name="CompletedAt">Verified at.</param>
/// <param name="Method">How to pay: instructions and details.</param>
internal sealed record PaymentDetailResponse(
    Guid Id,
    string PaymentReference,
    Guid OrderId,
    PaymentStatus Status,
    int AmountCents,
    int? ReceivedAmountCents,
    int RefundedAmountCents,
    string Currency,
    DateTimeOffset? ExpiresAt,
    string? CustomerReference,
    bool ProofUploaded,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    PaymentMethodView Method)
{
    /// <summary>What to write in the transfer's memo: exactly the payment reference.</summary>
    public string Memo => PaymentReference;

    /// <summary>Where and how to write it in this method's app or bank.</summary>
    public string MemoInstructions => PaymentMemo.Instructions(PaymentReference, Method.MethodType);

    public static PaymentDetailResponse From(Payment p, PaymentMethod method) => new(
        p.Id, p.PaymentReference, p.OrderId, p.Status, p.AmountCents, p.ReceivedAmountCents, p.RefundedAmountCents, p.Currency, p.ExpiresAt,
        p.CustomerReference, p.ProofFileUrl is not null, p.CreatedAt, p.CompletedAt, PaymentMethodViews.From(method));
}
