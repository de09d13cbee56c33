namespace SbbCommerce.Api.Modules.Payments.Reconciliation;

/// <summary>What reconciliation did: ids and counts, never names, memos or amounts of customers.</summary>
internal static partial class ReconciliationLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information,
        Message = "Statement {StatementId} imported from {Source}: {Lines} lines, {New} new, {Duplicates} already known")]
    public static partial void Imported(ILogger logger, Guid statementId, string source, int lines, int @new, int duplicates);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Statement line {LineId} verified payment {PaymentId}")]
    public static partial void LineMatched(ILogger logger, Guid lineId, Guid paymentId);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Information,
        Message = "Reconciliation matching: {Matched} matched, {Suggested} suggested, {Unmatched} unmatched, {Skipped} skipped")]
    public static partial void MatchRun(ILogger logger, int matched, int suggested, int unmatched, int skipped);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Information, Message = "Reconciliation match job finished in {ElapsedMs:F0} ms")]
    public static partial void MatchJobRun(ILogger logger, double elapsedMs);
}
