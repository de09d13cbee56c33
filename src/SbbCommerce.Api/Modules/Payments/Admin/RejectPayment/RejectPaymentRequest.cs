namespace SbbCommerce.Api.Modules.Payments.Admin.RejectPayment;

/// <summary>Reject: the money did not arrive (or not like this).</summary>
/// <param name="Reason">Told to the customer.</param>
internal sealed record RejectPaymentRequest(string Reason);
