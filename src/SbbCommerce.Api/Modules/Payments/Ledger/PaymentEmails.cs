namespace SbbCommerce.Api.Modules.Payments.Ledger;

/// <summary>Customer messages about payments (outbox destination internal_email).</summary>
internal static class PaymentEmails
{
    public const string ProofReceived = "payment.proof_received";
    public const string Verified = "payment.verified";
    public const string Rejected = "payment.rejected";
    public const string RefundCompleted = "refund.completed";

    public static void Enqueue(IOutboxWriter outbox, string template, string to, Guid paymentId, object details) =>
        outbox.Enqueue(OutboxDestinations.InternalEmail, template, new { To = to, PaymentId = paymentId, Details = details }, "payment", paymentId);
}
