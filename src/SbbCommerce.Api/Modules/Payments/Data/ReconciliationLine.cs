namespace SbbCommerce.Api.Modules.Payments.Data;

/// <summary>A row of <c>reconciliation_lines</c>: one transaction of a statement and what it was matched to.</summary>
internal sealed class ReconciliationLine : RowVersioned
{
    public Guid Id { get; set; }
    public Guid StatementId { get; set; }
    public required string Source { get; set; }
    public int LineNumber { get; set; }
    public DateOnly PostedOn { get; set; }
    public int AmountCents { get; set; }
    public required string Direction { get; set; }
    public string? CounterpartyName { get; set; }
    public string? CounterpartyHandle { get; set; }
    public string? Memo { get; set; }
    public string? ProviderTransactionId { get; set; }
    public required string DedupeKey { get; set; }
    public required string RawLine { get; set; }
    public string Status { get; set; } = LineStatus.Unmatched;
    public Guid? MatchedPaymentId { get; set; }
    public int? Score { get; set; }
    public string? Reasons { get; set; }
    public string? Candidates { get; set; }
    public string? DecisionNote { get; set; }
    public Guid? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The <c>reconciliation_lines.status</c> values.</summary>
internal static class LineStatus
{
    public const string Matched = "matched";
    public const string Suggested = "suggested";
    public const string Unmatched = "unmatched";
    public const string Dismissed = "dismissed";

    public static readonly IReadOnlyList<string> All = [Matched, Suggested, Unmatched, Dismissed];
}

/// <summary>The <c>reconciliation_lines.direction</c> values.</summary>
internal static class LineDirection
{
    public const string Incoming = "incoming";
    public const string Outgoing = "outgoing";
    public const string Fee = "fee";
}
