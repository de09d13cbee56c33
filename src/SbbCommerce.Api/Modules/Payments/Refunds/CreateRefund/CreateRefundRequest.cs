namespace SbbCommerce.Api.Modules.Payments.Refunds.CreateRefund;

/// <summary>A refund against a completed payment.</summary>
/// <param name="AmountCents">At most what the payment received minus what its refunds already take.</param>
/// <param name="Reason">Short reason (e.g. overpayment, damaged, cancelled).</param>
/// <param name="ReasonDetails">Details.</param>
/// <param name="RefundMethod">original_method, store_credit, check, ...</param>
internal sealed record CreateRefundRequest(int AmountCents, string Reason, string? ReasonDetails, string RefundMethod);
