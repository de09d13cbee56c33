namespace SbbCommerce.Api.Modules.Payments.Admin.VerifyPayment;

/// <summary>Verify: the money arrived.</summary>
/// <param name="ReceivedAmountCents">What actually arrived (default: the payment's amount).</param>
/// <param name="Notes">What the admin checked.</param>
internal sealed record VerifyPaymentRequest(int? ReceivedAmountCents, string? Notes);
