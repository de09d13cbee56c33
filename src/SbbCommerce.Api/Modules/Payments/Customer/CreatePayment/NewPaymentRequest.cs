namespace SbbCommerce.Api.Modules.Payments.Customer.CreatePayment;

/// <summary>A new payment for an order (after one expired or failed, or to pay the rest of a partial payment).</summary>
/// <param name="PaymentMethodId">An active method.</param>
/// <param name="AmountCents">How much (default: everything still due; never more).</param>
internal sealed record NewPaymentRequest(Guid PaymentMethodId, int? AmountCents);
