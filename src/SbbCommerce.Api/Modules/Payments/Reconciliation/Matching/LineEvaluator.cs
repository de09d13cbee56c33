using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.Api.Modules.Payments.Contracts;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Layouts;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Matching;

/// <summary>
/// Decides what an incoming line proves. Only one rule verifies without a person: the memo names exactly one open
/// payment (pending or awaiting verification) and the line carries exactly what that payment asks for, on or after the
/// day it was opened. Everything else is at most a suggestion with its score and reasons: a reference with another
/// amount, several references, one transfer for several of a customer's orders, or amount + sender name + date.
/// </summary>
internal sealed class LineEvaluator(SbbDbContext db, ICustomerDirectory customers, IOptions<ReconciliationOptions> options)
{
    private const int MaxCandidates = 5;
    private const double StrongName = 0.85;
    private const double PlausibleName = 0.6;
    private static readonly PaymentStatus[] Open = [PaymentStatus.Pending, PaymentStatus.AwaitingVerification];

    public async Task<LineEvaluation> EvaluateAsync(ReconciliationLine line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        var references = PaymentReferences.Find(line.Memo);
        var referenced = references.Count == 0
            ? []
            : await db.Set<Payment>().AsNoTracking().Where(p => references.Contains(p.PaymentReference)).ToListAsync(cancellationToken);
        if (referenced.Count == 1 && references.Count == 1)
        {
            return ByReference(line, referenced[0]);
        }

        if (referenced.Count > 1)
        {
            return SeveralReferences(line, referenced);
        }

        var unknown = references.Count > 0 ? $"{MatchReasons.UnknownReference}:{string.Join('|', references)}" : null;
        return await ByAmountNameAndDateAsync(line, unknown, cancellationToken);
    }

    private static LineEvaluation ByReference(ReconciliationLine line, Payment payment)
    {
        var reasons = new List<string> { MatchReasons.ReferenceInMemo, MatchReasons.Amount(line.AmountCents, payment.AmountCents) };
        var open = Open.Contains(payment.Status);
        var afterOpening = line.PostedOn >= DateOnly.FromDateTime(payment.CreatedAt.UtcDateTime).AddDays(-1);
        if (open && afterOpening && line.AmountCents == payment.AmountCents)
        {
            return new LineEvaluation(payment.Id, [new MatchCandidate(payment.Id, payment.PaymentReference, payment.AmountCents, 100, reasons)]);
        }

        var score = 70;
        if (!open)
        {
            // A second transfer for a payment already booked (the customer paid twice), or for one that expired.
            reasons.Add($"{MatchReasons.PaymentNotOpen}:{Label(payment.Status)}");
            score = 40;
        }

        if (!afterOpening)
        {
            reasons.Add(MatchReasons.TransferBeforePayment);
            score = Math.Min(score, 30);
        }

        return new LineEvaluation(null, [new MatchCandidate(payment.Id, payment.PaymentReference, payment.AmountCents, score, reasons)]);
    }

    private static LineEvaluation SeveralReferences(ReconciliationLine line, List<Payment> payments)
    {
        var open = payments.Where(p => Open.Contains(p.Status)).ToList();
        var oneCustomer = payments.Select(p => p.UserId).Distinct().Count() == 1;
        var coversAll = oneCustomer && open.Count == payments.Count && open.Sum(p => p.AmountCents) == line.AmountCents;
        var candidates = payments.OrderBy(p => p.PaymentReference, StringComparer.Ordinal).Select(p =>
        {
            var reasons = new List<string> { MatchReasons.ReferenceInMemo, MatchReasons.SeveralReferences };
            reasons.Add(coversAll ? MatchReasons.CoversSeveralOrders : MatchReasons.Amount(line.AmountCents, p.AmountCents));
            if (!Open.Contains(p.Status))
            {
                reasons.Add($"{MatchReasons.PaymentNotOpen}:{Label(p.Status)}");
            }

            return new MatchCandidate(p.Id, p.PaymentReference, p.AmountCents, coversAll ? 85 : 60, reasons);
        }).ToList();
        return new LineEvaluation(null, candidates);
    }

    private async Task<LineEvaluation> ByAmountNameAndDateAsync(ReconciliationLine line, string? unknownReference, CancellationToken cancellationToken)
    {
        var day = line.PostedOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var from = new DateTimeOffset(day.AddDays(-options.Value.SuggestionWindowDays));
        var to = new DateTimeOffset(day.AddDays(2));
        var open = await db.Set<Payment>().AsNoTracking()
            .Where(p => Open.Contains(p.Status) && p.CreatedAt >= from && p.CreatedAt < to)
            .OrderBy(p => p.CreatedAt).Take(2000).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return LineEvaluation.Nothing;
        }

        var names = await customers.GetPayerNamesAsync(open.Select(p => p.UserId).Distinct().ToList(), cancellationToken);
        var sender = line.CounterpartyName ?? line.CounterpartyHandle?.TrimStart('$', '@');
        var similarity = open.Select(p => p.UserId).Distinct()
            .ToDictionary(u => u, u => NameSimilarity.Best(sender, names.TryGetValue(u, out var n) ? n : []));
        var sameAmount = open.Count(p => p.AmountCents == line.AmountCents);
        var candidates = new List<MatchCandidate>();
        foreach (var payment in open)
        {
            var name = similarity[payment.UserId];
            var equal = payment.AmountCents == line.AmountCents;
            // Same amount and a plausible name; or a strong name (part or more of what is due); or the only payment of that amount.
            if (!((equal && name >= PlausibleName) || name >= StrongName || (equal && sameAmount == 1 && sender is null)))
            {
                continue;
            }

            var days = line.PostedOn.DayNumber - DateOnly.FromDateTime(payment.CreatedAt.UtcDateTime).DayNumber;
            var score = (equal ? 50 : 10) + (int)Math.Round(name * 40) + (days is >= -1 and <= 2 ? 10 : days <= 5 ? 5 : 0);
            candidates.Add(new MatchCandidate(payment.Id, payment.PaymentReference, payment.AmountCents, Math.Min(score, 95),
                Reasons(MatchReasons.Amount(line.AmountCents, payment.AmountCents), name, days, unknownReference)));
        }

        // One transfer for several of one customer's open payments.
        foreach (var group in open.GroupBy(p => p.UserId).Where(g => g.Count() > 1 && similarity[g.Key] >= PlausibleName))
        {
            if (group.Sum(p => p.AmountCents) != line.AmountCents)
            {
                continue;
            }

            foreach (var payment in group)
            {
                var days = line.PostedOn.DayNumber - DateOnly.FromDateTime(payment.CreatedAt.UtcDateTime).DayNumber;
                candidates.RemoveAll(c => c.PaymentId == payment.Id);
                candidates.Add(new MatchCandidate(payment.Id, payment.PaymentReference, payment.AmountCents, 80,
                    Reasons(MatchReasons.CoversSeveralOrders, similarity[group.Key], days, unknownReference)));
            }
        }

        return new LineEvaluation(null, candidates.OrderByDescending(c => c.Score).ThenBy(c => c.PaymentReference, StringComparer.Ordinal)
            .Take(MaxCandidates).ToList());
    }

    private static List<string> Reasons(string amount, double name, int days, string? unknownReference)
    {
        var reasons = new List<string> { amount };
        if (name > 0)
        {
            reasons.Add($"{MatchReasons.NameSimilar}:{name.ToString("0.00", CultureInfo.InvariantCulture)}");
        }

        reasons.Add($"{MatchReasons.OpenedDaysBefore}:{days}");
        if (unknownReference is not null)
        {
            reasons.Add(unknownReference);
        }

        return reasons;
    }

    private static string Label(PaymentStatus status) => Common.Json.SnakeCaseEnum.Label(status);
}
