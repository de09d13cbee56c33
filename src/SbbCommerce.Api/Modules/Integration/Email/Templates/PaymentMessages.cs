namespace SbbCommerce.Api.Modules.Integration.Email.Templates;

/// <summary>Payments' customer messages: the recipient, the payment, and what happened to it.</summary>
internal sealed record PaymentMessage<TDetails>(string To, Guid PaymentId, TDetails Details);

internal sealed record ProofReceivedDetails(string PaymentReference, string OrderNumber, long AmountCents);

internal sealed record PaymentVerifiedDetails(string PaymentReference, string OrderNumber, long ReceivedAmountCents, long AmountDueCents, long OverpaidCents);

internal sealed record PaymentRejectedDetails(string PaymentReference, string OrderNumber, string? Reason);

internal sealed record RefundCompletedDetails(string RefundReference, string OrderNumber, long AmountCents, string? RefundMethod);
