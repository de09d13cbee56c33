using CsvHelper;

namespace SbbCommerce.Api.Common.Auditing.Trail;

/// <summary>Writes audit rows as CSV (RFC 4180, UTF-8), streaming: an export of a year's trail never sits whole in memory.</summary>
internal static class AuditLogCsv
{
    private static readonly string[] Header =
    [
        "id", "created_at", "action", "resource_type", "resource_id", "user_id", "user_email", "user_role",
        "ip_address", "user_agent", "request_id", "success", "error_message", "old_values", "new_values",
    ];

    // A text field starting like a formula (= + - @) is escaped, so a spreadsheet never runs what a caller typed.
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<AuditLog> rows, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
        await csv.WriteRecordAsync(Header, cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            string[] record =
            [
                row.Id.ToString(), row.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), row.Action, row.ResourceType,
                row.ResourceId?.ToString() ?? "", row.UserId?.ToString() ?? "", row.UserEmail ?? "",
                row.UserRole is { } role ? Json.SnakeCaseEnum.Label(role) : "", row.IpAddress?.ToString() ?? "", row.UserAgent ?? "",
                row.RequestId ?? "", row.Success ? "true" : "false", row.ErrorMessage ?? "", row.OldValues ?? "", row.NewValues ?? "",
            ];
            await csv.WriteRecordAsync(record, cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }
}
