using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Refunds;

/// <summary>A refund.</summary>
internal sealed record RefundResponse(Guid Id, string RefundReference, Guid PaymentId, Guid OrderId, int AmountCents, string Status, string Reason,
    string? ReasonDetails, string? RefundMethod, Guid? ProcessedBy, DateTimeOffset? ProcessedAt, DateTimeOffset CreatedAt)
{
    public static RefundResponse From(Refund r) => new(r.Id, r.RefundReference, r.PaymentId, r.OrderId, r.AmountCents, r.Status, r.Reason,
        r.ReasonDetails, r.RefundMethod, r.ProcessedBy, r.ProcessedAt, r.CreatedAt);
}
