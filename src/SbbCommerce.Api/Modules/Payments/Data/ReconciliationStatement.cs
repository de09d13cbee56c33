namespace SbbCommerce.Api.Modules.Payments.Data;

/// <summary>A row of <c>reconciliation_statements</c>: one uploaded export of a bank or payment app.</summary>
internal sealed class ReconciliationStatement
{
    public Guid Id { get; set; }
    public required string Source { get; set; }
    public required string Layout { get; set; }
    public string? FileName { get; set; }
    public required string FileSha256 { get; set; }
    public int LineCount { get; set; }
    public int NewLineCount { get; set; }
    public Guid? ImportedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
