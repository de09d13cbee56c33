using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Matching;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Queue;

/// <summary>Admin reads: lines with their candidates (and the candidates' status now), statements with their summaries.</summary>
internal sealed class ReconciliationQueries(SbbDbContext db)
{
    public async Task<List<LineResponse>> LinesAsync(IQueryable<ReconciliationLine> lines, CancellationToken cancellationToken)
    {
        var rows = await lines.AsNoTracking().ToListAsync(cancellationToken);
        var candidates = rows.ToDictionary(r => r.Id, r => Read<List<MatchCandidate>>(r.Candidates) ?? []);
        var paymentIds = candidates.Values.SelectMany(c => c.Select(x => x.PaymentId))
            .Concat(rows.Where(r => r.MatchedPaymentId is not null).Select(r => r.MatchedPaymentId!.Value)).Distinct().ToList();
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => paymentIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Status, p.PaymentReference }).ToDictionaryAsync(p => p.Id, cancellationToken);
        return rows.Select(r => new LineResponse(r.Id, r.StatementId, r.Source, r.LineNumber, r.PostedOn, r.AmountCents, r.Direction,
            r.CounterpartyName, r.CounterpartyHandle, r.Memo, r.ProviderTransactionId, r.Status, r.Score, Read<List<string>>(r.Reasons) ?? [],
            candidates[r.Id].Select(c => new CandidateResponse(c.PaymentId, c.PaymentReference, c.AmountCents,
                payments.TryGetValue(c.PaymentId, out var p) ? p.Status : null, c.Score, c.Reasons)).ToList(),
            r.MatchedPaymentId, r.MatchedPaymentId is { } id && payments.TryGetValue(id, out var matched) ? matched.PaymentReference : null,
            r.DecisionNote, r.DecidedBy, r.DecidedAt, r.RawLine, r.CreatedAt)).ToList();
    }

    public async Task<LineResponse?> LineAsync(Guid id, CancellationToken cancellationToken) =>
        (await LinesAsync(db.Set<ReconciliationLine>().Where(l => l.Id == id), cancellationToken)).SingleOrDefault();

    public async Task<List<StatementResponse>> StatementsAsync(IQueryable<ReconciliationStatement> statements, CancellationToken cancellationToken)
    {
        var rows = await statements.AsNoTracking().ToListAsync(cancellationToken);
        var ids = rows.Select(s => s.Id).ToList();
        var sums = await db.Set<ReconciliationLine>().AsNoTracking().Where(l => ids.Contains(l.StatementId))
            .GroupBy(l => new { l.StatementId, l.Direction, l.Status })
            .Select(g => new { g.Key.StatementId, g.Key.Direction, g.Key.Status, Count = g.Count(), Cents = g.Sum(l => (long)l.AmountCents) })
            .ToListAsync(cancellationToken);
        return rows.Select(s =>
        {
            var mine = sums.Where(x => x.StatementId == s.Id).ToList();
            (int Count, long Cents) Of(string direction, string? status = null)
            {
                var of = mine.Where(x => x.Direction == direction && (status is null || x.Status == status)).ToList();
                return (of.Sum(x => x.Count), of.Sum(x => x.Cents));
            }

            var matched = Of(LineDirection.Incoming, LineStatus.Matched);
            var suggested = Of(LineDirection.Incoming, LineStatus.Suggested);
            var unmatched = Of(LineDirection.Incoming, LineStatus.Unmatched);
            var dismissed = Of(LineDirection.Incoming, LineStatus.Dismissed);
            var outgoing = Of(LineDirection.Outgoing);
            var fees = Of(LineDirection.Fee);
            return new StatementResponse(s.Id, s.Source, s.Layout, s.FileName, s.LineCount, s.NewLineCount, s.ImportedBy, s.CreatedAt,
                new StatementSummary(matched.Count, matched.Cents, suggested.Count, suggested.Cents, unmatched.Count, unmatched.Cents,
                    dismissed.Count, dismissed.Cents, outgoing.Count, outgoing.Cents, fees.Count, fees.Cents));
        }).ToList();
    }

    private static T? Read<T>(string? json) where T : class => json is null ? null : JsonSerializer.Deserialize<T>(json, JsonDefaults.Options);
}
