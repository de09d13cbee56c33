namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Layouts;

/// <summary>The <c>Reconciliation</c> configuration section.</summary>
internal sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    /// <summary>Named layouts; a name of the built-ins replaces it.</summary>
    public Dictionary<string, StatementLayout> Layouts { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many days before the transfer a payment may have been opened and still be suggested by name and amount.</summary>
    public int SuggestionWindowDays { get; set; } = 10;
}

/// <summary>The statement sources of API.md.</summary>
internal static class StatementSources
{
    public const string CashApp = "cashapp";
    public const string Venmo = "venmo";
    public const string ZelleBank = "zelle_bank";
    public const string Generic = "generic";

    public static readonly IReadOnlyList<string> All = [CashApp, Venmo, ZelleBank, Generic];
}

/// <summary>
/// Finds the layout of an upload: the source's own layout (cashapp, venmo), a named bank layout for zelle_bank
/// (default <c>bofa</c>), or a configured layout for generic. The built-in layouts are the exports as their apps and
/// banks wrote them in 2026 (columns documented in docs/reconciliation-layouts.md); configuration may replace them.
/// </summary>
internal sealed class StatementLayouts(IOptions<ReconciliationOptions> options)
{
    public const string DefaultZelleBank = "bofa";

    public (string Name, StatementLayout Layout)? Resolve(string source, string? layout)
    {
        var name = source switch
        {
            StatementSources.CashApp or StatementSources.Venmo => layout ?? source,
            StatementSources.ZelleBank => layout ?? DefaultZelleBank,
            _ => layout,
        };
        if (name is null)
        {
            return null;
        }

        if (options.Value.Layouts.TryGetValue(name, out var configured))
        {
            return (name, configured);
        }

        return BuiltIn(name) is { } builtIn ? (name, builtIn) : null;
    }

    public static StatementLayout? BuiltIn(string name) => name.ToLowerInvariant() switch
    {
        // Cash App: Activity > Statements > Export CSV (cash_app_report.csv).
        "cashapp" => WithLists(new StatementLayout
        {
            Date = "Date",
            Amount = "Amount",
            TransactionId = "Transaction ID",
            Type = "Transaction Type",
            Status = "Status",
            Memo = "Notes",
            Name = "Name of sender/receiver",
            FeePattern = "(?i)\\bfee\\b",
        }, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"], ["COMPLETE", "COMPLETED", "PAID"]),
        // Venmo: Statements > Download CSV (an account line, then the header; balances on rows without an ID).
        "venmo" => WithLists(new StatementLayout
        {
            Date = "Datetime",
            Amount = "Amount (total)",
            TransactionId = "ID",
            Type = "Type",
            Status = "Status",
            Memo = "Note",
            Name = "From",
            FeePattern = "(?i)\\bfee\\b",
        }, ["yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss"], ["Complete", "Issued"]),
        // Bank of America checking: Download transactions > Microsoft Excel format (.csv).
        "bofa" => WithLists(new StatementLayout
        {
            Date = "Date",
            Amount = "Amount",
            Description = "Description",
            DescriptionPattern = "^Zelle (?:payment|Transfer) (?:from|to) (?<name>.+?)(?: for \"(?<memo>.*)\")?;? Conf# (?<id>[A-Za-z0-9]+)\\s*$",
            FeePattern = "(?i)\\bfee\\b",
        }, ["MM/dd/yyyy", "M/d/yyyy"], []),
        _ => null,
    };

    private static StatementLayout WithLists(StatementLayout layout, string[] formats, string[] completed)
    {
        foreach (var format in formats)
        {
            layout.DateFormats.Add(format);
        }

        foreach (var status in completed)
        {
            layout.CompletedStatuses.Add(status);
        }

        return layout;
    }
}
