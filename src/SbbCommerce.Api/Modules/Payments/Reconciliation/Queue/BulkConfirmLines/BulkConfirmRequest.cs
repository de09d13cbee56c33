namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Queue.BulkConfirmLines;

/// <summary>Confirm several lines at once: all or nothing.</summary>
/// <param name="Items">Each line with its payment (at most 200).</param>
internal sealed record BulkConfirmRequest(IReadOnlyList<BulkConfirmItem> Items);

/// <summary>One line and the payment it proves.</summary>
internal sealed record BulkConfirmItem(Guid LineId, Guid PaymentId);
