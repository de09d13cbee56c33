namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.ConfirmLine;

/// <summary>Confirm: this line proves this payment (verified through the normal flow for the line's amount).</summary>
/// <param name="PaymentId">Usually one of the line's candidates.</param>
/// <param name="Notes">What the admin checked.</param>
internal sealed record ConfirmLineRequest(Guid PaymentId, string? Notes);
