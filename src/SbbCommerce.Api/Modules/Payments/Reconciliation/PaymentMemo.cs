using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation;

/// <summary>
/// What the customer writes in the transfer: the payment reference and nothing else. Statement matching verifies a
/// payment without a person only when the memo names it, so the instructions say where each app keeps its memo.
/// </summary>
internal static class PaymentMemo
{
    public static string Instructions(string paymentReference, PaymentMethodType method)
    {
        var field = method switch
        {
            PaymentMethodType.Zelle => "the Zelle memo (\"Add a memo\")",
            PaymentMethodType.Cashapp => "the Cash App note (\"For\")",
            PaymentMethodType.Venmo => "the Venmo note (\"What's this for?\")",
            PaymentMethodType.WireTransfer => "the wire's reference / memo line",
            PaymentMethodType.Check => "the check's memo line",
            _ => "the transfer's memo or reference",
        };
        return $"Write {paymentReference} in {field}, exactly and nothing else, and send exactly the amount shown: " +
            "then your payment is recognised on our statement and verified without waiting for a person.";
    }
}
