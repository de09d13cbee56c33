namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.DismissLine;

/// <summary>Dismiss: the line proves no payment (a personal transfer, a test, a duplicate...).</summary>
/// <param name="Reason">Kept on the line and in the audit log.</param>
internal sealed record DismissLineRequest(string Reason);
