using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using SbbCommerce.Api.Modules.Payments.Data;
using SbbCommerce.Api.Modules.Payments.Reconciliation.Layouts;

namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Import;

/// <summary>One transaction read from an export.</summary>
internal sealed record ParsedLine(
    int LineNumber,
    DateOnly PostedOn,
    int AmountCents,
    string Direction,
    string? CounterpartyName,
    string? CounterpartyHandle,
    string? Memo,
    string? TransactionId,
    string? ProviderStatus,
    string RawLine,
    string DedupeKey);

/// <summary>A line of the file that could not be read (1-based line of the file).</summary>
internal sealed record LineError(int Line, string Error);

/// <summary>What a file holds: its transactions, or why it cannot be imported.</summary>
internal sealed record ParsedStatement(IReadOnlyList<ParsedLine> Lines, IReadOnlyList<LineError> Errors);

/// <summary>
/// Reads an export with CsvHelper by the column names of its <see cref="StatementLayout"/>. Every line is read before
/// anything is stored, so a file with one bad line is refused whole with every failing line number.
/// </summary>
internal static class StatementParser
{
    public const int MaxErrors = 100;
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    public static ParsedStatement Parse(byte[] content, StatementLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var lines = new List<ParsedLine>();
        var errors = new List<LineError>();
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        Columns? columns = null;
        var description = layout.DescriptionPattern is null ? null : new Regex(layout.DescriptionPattern, RegexOptions.CultureInvariant, RegexTimeout);
        var fee = layout.FeePattern is null ? null : new Regex(layout.FeePattern, RegexOptions.CultureInvariant, RegexTimeout);
        try
        {
            // No header option: the header is found by name below, after any preamble rows.
            using var reader = CsvReader.Create(content, new CsvReaderOptions
            {
                HasHeader = false,
                Separator = ',',
                TrackLineNumbers = true,
                FieldCountMismatch = CsvFieldCountHandling.Allow,
                MissingField = CsvMissingFieldHandling.ReturnEmpty,
                MalformedData = CsvMalformedDataHandling.Throw,
                IncludeValuesInExceptions = false,
            });
            while (reader.Read() && errors.Count < MaxErrors)
            {
                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = reader.GetString(i).Trim();
                }

                if (columns is null)
                {
                    columns = Columns.Find(fields, layout);
                    continue;
                }

                var raw = Encoding.UTF8.GetString(reader.RawRecord);
                var line = ReadLine(reader.LineNumber, fields, raw, columns, layout, description, fee, errors);
                if (line is not null)
                {
                    lines.Add(line with { DedupeKey = DedupeKey(line, occurrences) });
                }
            }
        }
        catch (CsvFormatException exception)
        {
            errors.Add(new LineError((int)Math.Max(exception.LineNumber, 1), "Malformed CSV (quoting)."));
        }

        if (columns is null && errors.Count == 0)
        {
            errors.Add(new LineError(1, $"No header row naming the columns '{layout.Date}' and '{layout.Amount}' of this layout."));
        }
        else if (lines.Count == 0 && errors.Count == 0)
        {
            errors.Add(new LineError(1, "The file holds no transactions."));
        }

        return new ParsedStatement(lines, errors);
    }

    private static ParsedLine? ReadLine(long lineNumber, string[] fields, string raw, Columns columns, StatementLayout layout, Regex? description,
        Regex? fee, List<LineError> errors)
    {
        var number = (int)lineNumber;
        var dateText = Columns.Get(fields, columns.Date);
        var amountText = Columns.Get(fields, columns.Amount);
        if (dateText is null && amountText is null)
        {
            return null; // blank, balance or disclaimer rows (Venmo writes them around the transactions)
        }

        if (!TryParseDate(dateText, layout, out var date))
        {
            errors.Add(new LineError(number, $"'{layout.Date}' is not a date of the formats {string.Join(", ", layout.DateFormats)}."));
            return null;
        }

        if (!TryParseCents(amountText, out var cents) || cents == 0)
        {
            errors.Add(new LineError(number, $"'{layout.Amount}' is not a non-zero amount with at most two decimals."));
            return null;
        }

        var name = Columns.Get(fields, columns.Name);
        var handle = Columns.Get(fields, columns.Handle);
        var memo = Columns.Get(fields, columns.Memo);
        var id = Columns.Get(fields, columns.TransactionId);
        var text = Columns.Get(fields, columns.Description);
        if (description is not null && text is not null && description.Match(text) is { Success: true } match)
        {
            name ??= Group(match, "name");
            handle ??= Group(match, "handle");
            memo ??= Group(match, "memo");
            id ??= Group(match, "id");
        }
        else if (text is not null)
        {
            memo ??= text;
        }

        var type = Columns.Get(fields, columns.Type) ?? text;
        var direction = fee is not null && type is not null && fee.IsMatch(type) ? LineDirection.Fee
            : cents > 0 ? LineDirection.Incoming : LineDirection.Outgoing;
        var status = Columns.Get(fields, columns.Status);
        var completed = status is null || layout.CompletedStatuses.Count == 0
            || layout.CompletedStatuses.Contains(status, StringComparer.OrdinalIgnoreCase);
        return new ParsedLine(number, date, checked((int)Math.Abs(cents)), direction, Clip(name, 200), Clip(handle, 200), memo, Clip(id, 100),
            completed ? null : status, raw, string.Empty);
    }

    /// <summary>
    /// The provider's transaction id when there is one; else the SHA-256 of the line's fields with its occurrence in
    /// this file, so two identical transfers in one export stay two, and the same export read twice adds nothing.
    /// </summary>
    private static string DedupeKey(ParsedLine line, Dictionary<string, int> occurrences)
    {
        if (line.TransactionId is not null)
        {
            return "txn:" + line.TransactionId;
        }

        var canonical = string.Join('\u001f', line.PostedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), line.Direction,
            line.AmountCents.ToString(CultureInfo.InvariantCulture), line.CounterpartyName, line.CounterpartyHandle, line.Memo);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        var occurrence = occurrences[hash] = occurrences.GetValueOrDefault(hash) + 1;
        return $"sha256:{hash}:{occurrence}";
    }

    public static bool TryParseDate(string? text, StatementLayout layout, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(layout);
        date = default;
        if (text is null)
        {
            return false;
        }

        // Cash App writes "2026-11-28 14:32:10 EST": the zone word carries no offset .NET can read, and the day is what counts.
        var value = Regex.Replace(text, "\\s+[A-Za-z]{2,5}$", string.Empty, RegexOptions.CultureInvariant, RegexTimeout);
        if (DateTime.TryParseExact(value, layout.DateFormats.ToArray(), CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }

        return false;
    }

    /// <summary>Reads $1,234.56, -$5.00, + $25.00, (5.00) and 25 as signed cents.</summary>
    public static bool TryParseCents(string? text, out long cents)
    {
        cents = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal)
            .Replace("USD", string.Empty, StringComparison.OrdinalIgnoreCase);
        var negative = false;
        if (value.StartsWith('(') && value.EndsWith(')'))
        {
            negative = true;
            value = value[1..^1];
        }

        if (value.StartsWith('-') || value.StartsWith('+'))
        {
            negative |= value[0] == '-';
            value = value[1..];
        }

        value = value.TrimStart('$');
        if (value.StartsWith('-'))
        {
            negative = true;
            value = value[1..];
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || decimal.Round(amount, 2) != amount || amount > int.MaxValue / 100m)
        {
            return false;
        }

        cents = (long)(amount * 100) * (negative ? -1 : 1);
        return true;
    }

    private static string? Group(Match match, string name) => match.Groups[name] is { Success: true, Value.Length: > 0 } group ? group.Value.Trim() : null;

    private static string? Clip(string? value, int length) => value is null || value.Length <= length ? value : value[..length];

    /// <summary>The indexes of the layout's columns in the header row.</summary>
    private sealed record Columns(int Date, int Amount, int Name, int Handle, int Memo, int TransactionId, int Type, int Status, int Description)
    {
        public static Columns? Find(string[] header, StatementLayout layout)
        {
            int Index(string? name) => name is null ? -1 : Array.FindIndex(header, h => string.Equals(h, name.Trim(), StringComparison.OrdinalIgnoreCase));
            var date = Index(layout.Date);
            var amount = Index(layout.Amount);
            return date < 0 || amount < 0
                ? null
                : new Columns(date, amount, Index(layout.Name), Index(layout.Handle), Index(layout.Memo), Index(layout.TransactionId),
                    Index(layout.Type), Index(layout.Status), Index(layout.Description));
        }

        public static string? Get(string[] fields, int index) => index >= 0 && index < fields.Length && fields[index].Length > 0 ? fields[index] : null;
    }
}
