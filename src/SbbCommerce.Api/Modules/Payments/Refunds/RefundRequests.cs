using FluentValidation;
using SbbCommerce.Api.Modules.Payments.Data;

namespace SbbCommerce.Api.Modules.Payments.Refunds;

/// <summary>A refund against a completed payment.</summary>
/// <param name="AmountCents">At most what the payment received minus what its refunds already take.</param>
/// <param name="Reason">Short reason (e.g. overpayment, damaged, cancelled).</param>
/// <param name="ReasonDetails">Details.</param>
/// <param name="RefundMethod">original_method, store_credit, check, ...</param>
internal sealed record CreateRefundRequest(int AmountCents, string Reason, string? ReasonDetails, string RefundMethod);

/// <summary>A refund.</summary>
internal sealed record RefundResponse(Guid Id, string RefundReference, Guid PaymentId, Guid OrderId, int AmountCents, string Status, string Reason,
    string? ReasonDetails, string? RefundMethod, Guid? ProcessedBy, DateTimeOffset? ProcessedAt, DateTimeOffset CreatedAt)
{
    public static RefundResponse From(Refund r) => new(r.Id, r.RefundReference, r.PaymentId, r.OrderId, r.AmountCents, r.Status, r.Reason,
        r.ReasonDetails, r.RefundMethod, r.ProcessedBy, r.ProcessedAt, r.CreatedAt);
}

internal sealed class CreateRefundRequestValidator : AbstractValidator<CreateRefundRequest>
{
    public CreateRefundRequestValidator()
    {
        RuleFor(r => r.AmountCents).GreaterThan(0);
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(100);
        RuleFor(r => r.ReasonDetails).MaximumLength(2000);
        RuleFor(r => r.RefundMethod).NotEmpty().MaximumLength(50);
    }
}

/// <summary>The <c>refunds.status</c> values.</summary>
internal static class RefundStatus
{
    public const string Pending = "pending";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
