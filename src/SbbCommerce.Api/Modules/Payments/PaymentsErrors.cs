namespace SbbCommerce.Api.Modules.Payments;

/// <summary>The Payments codes of API.md.</summary>
internal static class PaymentsErrors
{
    public const string PaymentMethodUnavailable = "payment_method_unavailable";
    public const string AmountOutOfRange = "amount_out_of_range";
    public const string InvalidPaymentState = "invalid_payment_state";
    public const string PaymentNotFound = "payment_not_found";
    public const string OrderNotFound = "order_not_found";
    public const string InvalidFile = "invalid_file"; // not in API.md: a proof file that is not png, jpeg, webp or pdf
    public const string ProofNotFound = "proof_not_found"; // not in API.md: the payment has no proof file
    public const string RefundExceedsPaid = "refund_exceeds_paid";
    public const string RefundNotFound = "refund_not_found"; // not in API.md: no refund with this id
    public const string PaymentMethodNotFound = "payment_method_not_found"; // not in API.md: no payment method with this id
}
