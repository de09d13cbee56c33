using System.Globalization;

namespace SbbCommerce.IntegrationTests.Payments.Reconciliation;

/// <summary>One transaction of a test statement; cents are signed (negative: money went out).</summary>
internal sealed record Tx(string? Id, DateOnly Date, long Cents, string? Memo, string Name, string Type = "Received P2P", string Status = "COMPLETE");

/// <summary>
/// Statement files as the apps and the bank write them (docs/reconciliation-layouts.md): Cash App's
/// cash_app_report.csv, Venmo's statement (account preamble, balance rows) and Bank of America's checking download
/// (summary block, then the transactions, Zelle details in the description).
/// </summary>
internal static class StatementCsv
{
    public static string CashApp(IEnumerable<Tx> lines)
    {
        var csv = new StringBuilder("Transaction ID,Date,Transaction Type,Currency,Amount,Fee,Net Amount,Asset Type,Asset Price,Asset Amount,Status,Notes,Name of sender/receiver,Account\r\n");
        foreach (var t in lines)
        {
            Row(csv, t.Id, $"{t.Date:yyyy-MM-dd} 14:32:10 EST", t.Type, "USD", Money(t.Cents, "$"), "$0", Money(t.Cents, "$"), "", "", "", t.Status,
                t.Memo, t.Name, "Your Cash");
        }

        return csv.ToString();
    }

    public static string Venmo(IEnumerable<Tx> lines)
    {
        const string Empty = ",,,,,,,,,,,,,,,,,,,,";
        var csv = new StringBuilder("Account Statement - (@ScienceBasedBody) " + Empty + "\r\n");
        csv.Append("Account Activity" + Empty + "\r\n");
        csv.Append(",ID,Datetime,Type,Status,Note,From,To,Amount (total),Amount (tip),Amount (tax),Amount (fee),Tax Rate,Tax Exempt,Funding Source,Destination,Beginning Balance,Ending Balance,Statement Period Venmo Fees,Terminal Location,Year to Date Venmo Fees,Disclaimer\r\n");
        csv.Append(",,,,,,,,,,,,,,,,$0.00,,,,,\r\n");
        foreach (var t in lines)
        {
            var incoming = t.Cents > 0;
            Row(csv, "", t.Id, $"{t.Date:yyyy-MM-dd}T14:32:10", t.Type, t.Status, t.Memo, incoming ? t.Name : "Science Based Body",
                incoming ? "Science Based Body" : t.Name, (incoming ? "+ " : "- ") + Money(Math.Abs(t.Cents), "$"), "", "0", "", "0", "", "",
                "Venmo balance", "", "", "", "Venmo", "", "");
        }

        csv.Append(",,,,,,,,,,,,,,,,,$1.00,$0.00,,$0.00,In case of errors or questions about your electronic transfers...\r\n");
        return csv.ToString();
    }

    public static string Bofa(IEnumerable<Tx> lines)
    {
        var csv = new StringBuilder("Description,,Summary Amt.\r\nBeginning balance as of 11/01/2026,,\"1,000.00\"\r\n\r\n");
        csv.Append("Date,Description,Amount,Running Bal.\r\n");
        var balance = 100_000L;
        foreach (var t in lines)
        {
            balance += t.Cents;
            var description = t.Type switch
            {
                "fee" => "MONTHLY MAINTENANCE FEE",
                _ when t.Cents < 0 => $"Zelle payment to {t.Name.ToUpperInvariant()} Conf# {t.Id}",
                _ => $"Zelle payment from {t.Name.ToUpperInvariant()}{(t.Memo is null ? string.Empty : $" for \"{t.Memo}\"")}; Conf# {t.Id}",
            };
            Row(csv, t.Date.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture), description, Money(t.Cents, ""), Money(balance, ""));
        }

        return csv.ToString();
    }

    public static string Money(long cents, string symbol) =>
        (cents < 0 ? "-" : "") + symbol + (Math.Abs(cents) / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static void Row(StringBuilder csv, params string?[] fields)
    {
        csv.Append(string.Join(',', fields.Select(Quote))).Append("\r\n");
    }

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
