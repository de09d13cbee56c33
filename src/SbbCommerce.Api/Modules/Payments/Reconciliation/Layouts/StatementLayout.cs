namespace SbbCommerce.Api.Modules.Payments.Reconciliation.Layouts;

/// <summary>
/// How one export names its columns (<c>Reconciliation:Layouts:&lt;name&gt;</c>). Column names are matched ignoring case
/// and surrounding spaces; the header is the first row that names <see cref="Date"/> and <see cref="Amount"/>, so
/// preamble rows (Venmo's account line) are skipped. Amounts are signed: positive came in, negative went out.
/// </summary>
internal sealed class StatementLayout
{
    /// <summary>The date (or date and time) column.</summary>
    public string Date { get; set; } = "Date";

    /// <summary>Exact formats of <see cref="Date"/>, tried in order after a trailing time-zone word (EST, PST, UTC) is dropped.</summary>
    public IList<string> DateFormats { get; } = [];

    /// <summary>The signed amount column ($1,234.56, -$5.00, + $25.00, (5.00) are all read).</summary>
    public string Amount { get; set; } = "Amount";

    public string? Name { get; set; }

    public string? Handle { get; set; }

    public string? Memo { get; set; }

    public string? TransactionId { get; set; }

    /// <summary>The transaction type column; <see cref="FeePattern"/> is matched against it (or the description).</summary>
    public string? Type { get; set; }

    /// <summary>A regular expression: a line whose type (or description) matches it is a fee.</summary>
    public string? FeePattern { get; set; }

    /// <summary>The provider's status column; a line whose status is not one of <see cref="CompletedStatuses"/> never moved money.</summary>
    public string? Status { get; set; }

    public IList<string> CompletedStatuses { get; } = [];

    /// <summary>A free-text column (banks put the Zelle sender, memo and confirmation number in one description).</summary>
    public string? Description { get; set; }

    /// <summary>A regular expression over <see cref="Description"/> with the named groups name, handle, memo and id.</summary>
    public string? DescriptionPattern { get; set; }
}
