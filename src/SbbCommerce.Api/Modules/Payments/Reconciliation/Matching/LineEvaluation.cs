namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Matching;

/// <summary>A payment a line may prove, how sure (0-100) and why.</summary>
/// <param name="PaymentId">The payment.</param>
/// <param name="PaymentReference">Its human reference.</param>
/// <param name="AmountCents">What it asks for.</param>
/// <param name="Score">0-100.</param>
/// <param name="Reasons">reference_in_memo, amount_equals_due, amount_less_than_due, amount_more_than_due, name_similar:0.93, covers_several_orders...</param>
internal sealed record MatchCandidate(Guid PaymentId, string PaymentReference, int AmountCents, int Score, IReadOnlyList<string> Reasons);

/// <summary>What matching concluded for a line: a payment to verify automatically, or suggestions, or nothing.</summary>
internal sealed record LineEvaluation(Guid? AutomaticPaymentId, IReadOnlyList<MatchCandidate> Candidates)
{
    public static readonly LineEvaluation Nothing = new(null, []);

    public MatchCandidate? Best => Candidates.Count == 0 ? null : Candidates[0];
}

/// <summary>The reasons, as stored and shown.</summary>
internal static class MatchReasons
{
    public const string ReferenceInMemo = "reference_in_memo";
    public const string AmountEqualsDue = "amount_equals_due";
    public const string AmountLessThanDue = "amount_less_than_due";
    public const string AmountMoreThanDue = "amount_more_than_due";
    public const string CoversSeveralOrders = "covers_several_orders";
    public const string SeveralReferences = "several_references";
    public const string PaymentNotOpen = "payment_not_open";
    public const string TransferBeforePayment = "transfer_before_payment";
    public const string UnknownReference = "unknown_reference";
    public const string NameSimilar = "name_similar";
    public const string OpenedDaysBefore = "opened_days_before";
    public const string AutomaticMatchRefused = "automatic_match_refused";

    public static string Amount(int lineCents, int dueCents) =>
        lineCents == dueCents ? AmountEqualsDue : lineCents < dueCents ? AmountLessThanDue : AmountMoreThanDue;
}
