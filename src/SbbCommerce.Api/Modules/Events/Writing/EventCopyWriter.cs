using NpgsqlTypes;

namespace SbbCommerce.Api.Modules.Events.Writing;

/// <summary>
/// Writes rows into <c>events</c> with one binary COPY (NpgsqlBinaryImporter) per batch: at burst volume a COPY
/// costs a fraction of INSERTs through EF, and PostgreSQL routes each row to its monthly partition. One COPY is
/// one transaction: a batch is committed whole or not at all.
/// </summary>
internal sealed class EventCopyWriter(NpgsqlDataSource dataSource)
{
    public const string CopyCommand =
        "COPY events (id, event_name, event_category, user_id, anonymous_id, session_id, page_url, page_title, referrer_url, " +
        "utm_source, utm_medium, utm_campaign, utm_term, utm_content, product_id, cart_id, order_id, payment_id, properties, " +
        "ip_address, user_agent, device_type, browser, os, screen_resolution, country_code, client_timestamp, created_at) " +
        "FROM STDIN (FORMAT BINARY)";

    public async Task WriteAsync(IEnumerable<EventRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var importer = await connection.BeginBinaryImportAsync(CopyCommand, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(row.Id, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(row.EventName, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(row.EventCategory, NpgsqlDbType.Varchar, cancellationToken);
            await WriteAsync(importer, row.UserId, NpgsqlDbType.Uuid, cancellationToken);
            await WriteAsync(importer, row.AnonymousId, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(row.SessionId, NpgsqlDbType.Varchar, cancellationToken);
            await WriteAsync(importer, row.PageUrl, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(importer, row.PageTitle, NpgsqlDbType.Varchar, cancellationToken);
            await WriteAsync(importer, row.ReferrerUrl, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(importer, row.UtmSource, NpgsqlDbType.Varchar, cancellationToken);
            await WriteAsync(importer, row.UtmMedium, NpgsqlDbType.Varchar, cancellationToken);
            await WriteAsync(importer, row.UtmCampaign, NpgsqlDbType.Varchar, cancellationToken);
            await WriteAsync(importer, row.UtmTerm, NpgsqlDbType.Varchar, cancellationToken);
            await WriteAsync(importer, row.UtmContent, NpgsqlDbType.Varchar, cancellationToken);
            await WriteAsync(importer, row.ProductId, NpgsqlDbType.Uuid, cancellationToken);
            await WriteAsync(importer, row.CartId, NpgsqlDbType.Uuid, cancellationToken);
            await WriteAsync(importer, row.OrderId, NpgsqlDbType.Uuid, cancellationToken);
            await WriteAsync(importer, row.PaymentId, NpgsqlDbType.Uuid, cancellationToken);
            await importer.WriteAsync(row.Properties, NpgsqlDbType.Jsonb, cancellationToken);
            await WriteAsync(importer, row.IpAddress, NpgsqlDbType.Inet, cancellationToken);
            await WriteAsync(importer, row.UserAgent, NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(importer, row.DeviceType, NpgsqlDbType.Varchar, cancellationToken);
            await WriteAsync(importer, row.Browser, NpgsqlDbType.Varchar, cancellationToken);
            await WriteAsync(importer, row.Os, NpgsqlDbType.Varchar, cancellationToken);
            await WriteAsync(importer, row.ScreenResolution, NpgsqlDbType.Varchar, cancellationToken);
            await WriteAsync(importer, row.CountryCode, NpgsqlDbType.Char, cancellationToken);
            await WriteAsync(importer, row.ClientTimestamp, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : class =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

    private static Task WriteAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } present ? importer.WriteAsync(present, type, cancellationToken) : importer.WriteNullAsync(cancellationToken);
}
