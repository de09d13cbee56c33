namespace SbbCommerce.Api.Modules.Payments.Reconciliation;

/// <summary>The Reconciliation codes of API.md (line_not_incoming and line_not_found are added here).</summary>
internal static class ReconciliationErrors
{
    public const string StatementInvalid = "statement_invalid";
    public const string LineAlreadyMatched = "line_already_matched";
    public const string PaymentAlreadyMatched = "payment_already_matched";
    public const string LineNotIncoming = "line_not_incoming";
    public const string LineNotFound = "line_not_found";
    public const string StatementNotFound = "statement_not_found"; // not in API.md: no statement with this id
}
