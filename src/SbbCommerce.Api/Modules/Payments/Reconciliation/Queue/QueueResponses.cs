using SbbCommerce.Api.Modules.Payments.Contracts;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Queue;

/// <summary>A statement line and what matching made of it. Money in cents.</summary>
/// <param name="Id">The line.</param>
/// <param name="StatementId">The upload it came from first.</param>
/// <param name="Source">cashapp, venmo, zelle_bank or generic.</param>
/// <param name="LineNumber">Its line in that file.</param>
/// <param name="PostedOn">The transfer's date (YYYY-MM-DD).</param>
/// <param name="AmountCents">Always positive; see direction.</param>
/// <param name="Direction">incoming, outgoing or fee (only incoming lines are matched).</param>
/// <param name="CounterpartyName">The sender (or recipient) as the statement names them.</param>
/// <param name="CounterpartyHandle">$cashtag, @venmo, email or phone, when the export has it.</param>
/// <param name="Memo">What the sender wrote.</param>
/// <param name="ProviderTransactionId">The provider's id of the transfer.</param>
/// <param name="Status">matched, suggested, unmatched or dismissed.</param>
/// <param name="Score">0-100, of the best candidate.</param>
/// <param name="Reasons">Why (the best candidate's reasons).</param>
/// <param name="Candidates">The payments it may prove, best first, with their current status.</param>
/// <param name="MatchedPaymentId">The payment it verified.</param>
/// <param name="MatchedPaymentReference">Its reference.</param>
/// <param name="DecisionNote">Why it was dismissed, or the confirming admin's note.</param>
/// <param name="DecidedBy">The admin who decided (null: the system).</param>
/// <param name="DecidedAt">When.</param>
/// <param name="RawLine">The line as the file had it.</param>
/// <param name="CreatedAt">Imported at.</param>
internal sealed record LineResponse(
    Guid Id,
    Guid StatementId,
    string Source,
    int LineNumber,
    DateOnly PostedOn,
    int AmountCents,
    string Direction,
    string? CounterpartyName,
    string? CounterpartyHandle,
    string? Memo,
    string? ProviderTransactionId,
    string Status,
    int? Score,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<CandidateResponse> Candidates,
    Guid? MatchedPaymentId,
    string? MatchedPaymentReference,
    string? DecisionNote,
    Guid? DecidedBy,
    DateTimeOffset? DecidedAt,
    string RawLine,
    DateTimeOffset CreatedAt);

/// <summary>A payment a line may prove.</summary>
/// <param name="PaymentId">Confirm the line with this id.</param>
/// <param name="PaymentReference">Its reference.</param>
/// <param name="AmountCents">What it asks for.</param>
/// <param name="PaymentStatus">Its status now (it may have been decided since matching ran).</param>
/// <param name="Score">0-100.</param>
/// <param name="Reasons">Why.</param>
internal sealed record CandidateResponse(Guid PaymentId, string PaymentReference, int AmountCents, PaymentStatus? PaymentStatus, int Score,
    IReadOnlyList<string> Reasons);

/// <summary>An uploaded statement with the sums of its lines by state.</summary>
/// <param name="Id">The statement.</param>
/// <param name="Source">cashapp, venmo, zelle_bank or generic.</param>
/// <param name="Layout">The layout it was read with.</param>
/// <param name="FileName">As uploaded.</param>
/// <param name="Lines">Transactions in the file.</param>
/// <param name="NewLines">Of them, first seen in this upload (the summary counts these).</param>
/// <param name="ImportedBy">The admin.</param>
/// <param name="CreatedAt">Uploaded at.</param>
/// <param name="Summary">Counts and amounts by state.</param>
internal sealed record StatementResponse(Guid Id, string Source, string Layout, string? FileName, int Lines, int NewLines, Guid? ImportedBy,
    DateTimeOffset CreatedAt, StatementSummary Summary);

/// <summary>Counts and amounts (cents) of a statement's lines: incoming by state, then outgoing and fees.</summary>
internal sealed record StatementSummary(
    int MatchedCount, long MatchedCents,
    int SuggestedCount, long SuggestedCents,
    int UnmatchedCount, long UnmatchedCents,
    int DismissedCount, long DismissedCents,
    int OutgoingCount, long OutgoingCents,
    int FeeCount, long FeeCents);
