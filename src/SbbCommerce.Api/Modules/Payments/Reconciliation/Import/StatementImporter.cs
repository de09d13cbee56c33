using System.Security.Cryptography;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Layouts;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Matching;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Import;

/// <summary>
/// Stores an export's lines in one transaction (a bad file stores nothing), skipping every line already known from an
/// earlier or overlapping export, then matches the new ones. Imports of one source are serialised by an advisory lock,
/// so two uploads of the same file at once still add each transaction once (the unique index would refuse it anyway).
/// </summary>
internal sealed class StatementImporter(
    SbbDbContext db,
    StatementLayouts layouts,
    ReconciliationMatcher matcher,
    IAuditWriter audit,
    TimeProvider timeProvider,
    ILogger<StatementImporter> logger)
{
    public async Task<Results<Created<StatementImportResponse>, ProblemHttpResult>> ImportAsync(
        byte[] content, string? fileName, string source, string? layoutName, Guid? adminId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (layouts.Resolve(source, layoutName) is not { } layout)
        {
            return Invalid([new LineError(0, $"Unknown layout '{layoutName}' for source '{source}' (configure Reconciliation:Layouts:<name>).")]);
        }

        var parsed = StatementParser.Parse(content, layout.Layout);
        if (parsed.Errors.Count > 0)
        {
            return Invalid(parsed.Errors);
        }

        var now = timeProvider.GetDatabaseNow();
        var statement = new ReconciliationStatement
        {
            Id = Guid.CreateVersion7(),
            Source = source,
            Layout = layout.Name,
            FileName = fileName is { Length: > 255 } ? fileName[..255] : fileName,
            FileSha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            LineCount = parsed.Lines.Count,
            CreatedAt = now,
            ImportedBy = adminId,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"reconciliation-import:" + source}, 0))",
            cancellationToken);
        var keys = parsed.Lines.Select(l => l.DedupeKey).Distinct(StringComparer.Ordinal).ToList();
        var known = (await db.Set<ReconciliationLine>().AsNoTracking().Where(l => l.Source == source && keys.Contains(l.DedupeKey))
            .Select(l => l.DedupeKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var added = new List<ReconciliationLine>();
        foreach (var line in parsed.Lines)
        {
            if (known.Add(line.DedupeKey))
            {
                added.Add(ToEntity(line, statement, now));
            }
        }

        statement.NewLineCount = added.Count;
        db.Add(statement);
        db.AddRange(added);
        audit.Record("reconciliation.statement_imported", "reconciliation_statement", statement.Id, null,
            new { statement.Source, statement.Layout, statement.FileName, statement.FileSha256, Lines = statement.LineCount, New = added.Count });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        ReconciliationLog.Imported(logger, statement.Id, source, statement.LineCount, added.Count, statement.LineCount - added.Count);

        var incoming = added.Where(l => l.Direction == LineDirection.Incoming && l.Status == LineStatus.Unmatched).Select(l => l.Id).ToList();
        var counts = await matcher.MatchAsync(incoming, cancellationToken);
        return TypedResults.Created($"/api/v1/admin/reconciliation/statements/{statement.Id}", new StatementImportResponse(
            statement.Id, source, layout.Name, statement.LineCount, added.Count, statement.LineCount - added.Count, counts.Matched, counts.Suggested,
            counts.Unmatched + counts.Skipped, added.Count(l => l.Direction == LineDirection.Outgoing), added.Count(l => l.Direction == LineDirection.Fee),
            added.Count(l => l.Status == LineStatus.Dismissed)));
    }

    private static ReconciliationLine ToEntity(ParsedLine line, ReconciliationStatement statement, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        StatementId = statement.Id,
        Source = statement.Source,
        LineNumber = line.LineNumber,
        PostedOn = line.PostedOn,
        AmountCents = line.AmountCents,
        Direction = line.Direction,
        CounterpartyName = line.CounterpartyName,
        CounterpartyHandle = line.CounterpartyHandle,
        Memo = line.Memo,
        ProviderTransactionId = line.TransactionId,
        DedupeKey = line.DedupeKey,
        RawLine = line.RawLine,
        // A transfer the provider did not complete (failed, cancelled, pending) moved no money: kept, never matched.
        Status = line.ProviderStatus is null ? LineStatus.Unmatched : LineStatus.Dismissed,
        DecisionNote = line.ProviderStatus is null ? null : $"Not completed at the provider: {line.ProviderStatus}",
        DecidedAt = line.ProviderStatus is null ? null : now,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static ProblemHttpResult Invalid(IReadOnlyList<LineError> errors) =>
        ApiProblems.Unprocessable(ReconciliationErrors.StatementInvalid, "The statement file cannot be imported; nothing was imported.",
            $"{errors.Count} line(s) failed{(errors.Count >= StatementParser.MaxErrors ? " (the first ones)" : string.Empty)}.",
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["failingLines"] = errors.Select(e => e.Line).Distinct().ToList(),
                ["lineErrors"] = errors,
            });
}

/// <summary>An import: how many lines the file held, how many were new, and what matching made of the new incoming ones.</summary>
/// <param name="StatementId">The stored statement.</param>
/// <param name="Source">cashapp, venmo, zelle_bank or generic.</param>
/// <param name="Layout">The layout the file was read with.</param>
/// <param name="Lines">Transactions in the file.</param>
/// <param name="New">Of them, not known from an earlier import.</param>
/// <param name="Duplicate">Already known (same provider id, or the same line of an overlapping export).</param>
/// <param name="Matched">New lines that verified a payment automatically.</param>
/// <param name="Suggested">New lines waiting for an admin with candidates.</param>
/// <param name="Unmatched">New incoming lines with no candidate.</param>
/// <param name="Outgoing">New outgoing lines (kept, never matched).</param>
/// <param name="Fees">New fee lines (kept, never matched).</param>
/// <param name="NotCompleted">New lines the provider did not complete (kept dismissed).</param>
internal sealed record StatementImportResponse(Guid StatementId, string Source, string Layout, int Lines, int New, int Duplicate, int Matched,
    int Suggested, int Unmatched, int Outgoing, int Fees, int NotCompleted);
