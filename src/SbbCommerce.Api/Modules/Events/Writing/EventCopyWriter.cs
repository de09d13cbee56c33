namespace SbbCommerce.Api.Modules.Events.Writing;

/// <summary>
/// Writes rows into <c>events</c> with one binary COPY per batch: at burst volume a COPY costs a fraction of INSERTs
/// through EF, and PostgreSQL routes each row to its monthly partition. One COPY is one transaction: a batch is
/// committed whole or not at all. The rows are encoded by <see cref="BinaryCopyBuffer"/> and sent as a raw binary
/// COPY stream.
/// </summary>
internal sealed class EventCopyWriter(NpgsqlDataSource dataSource)
{
    public const string CopyCommand =
        "COPY events (id, event_name, event_category, user_id, anonymous_id, session_id, page_url, page_title, referrer_url, " +
        "utm_source, utm_medium, utm_campaign, utm_term, utm_content, product_id, cart_id, order_id, payment_id, properties, " +
        "ip_address, user_agent, device_type, browser, os, screen_resolution, country_code, client_timestamp, created_at) " +
        "FROM STDIN (FORMAT BINARY)";

    /// <summary>The columns of <see cref="CopyCommand"/>.</summary>
    private const short Columns = 28;

    /// <summary>How much of a batch is encoded before it is sent: the socket gets large writes, the memory stays small.</summary>
    private const int SendThreshold = 64 * 1024;

    public async Task WriteAsync(IEnumerable<EventRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var copy = await connection.BeginRawBinaryCopyAsync(CopyCommand, cancellationToken);
        try
        {
            // Below the large-object heap's 85,000 bytes: a batch's buffer is short-lived garbage, collected young.
            var buffer = new BinaryCopyBuffer(SendThreshold + (16 * 1024));
            foreach (var row in rows)
            {
                Encode(buffer, row);
                if (buffer.Length >= SendThreshold)
                {
                    await copy.WriteAsync(buffer.Written, cancellationToken);
                    buffer.Clear();
                }
            }

            buffer.Finish();
            await copy.WriteAsync(buffer.Written, cancellationToken);
        }
        catch
        {
            await AbandonAsync(copy);
            throw;
        }

        // Completes the COPY: the rows are committed here, or PostgreSQL's refusal is thrown here.
        await copy.DisposeAsync();
    }

    /// <summary>Ends a COPY that failed while it was being sent: PostgreSQL discards all of it.</summary>
    private static async Task AbandonAsync(NpgsqlRawCopyStream copy)
    {
        try
        {
            await copy.CancelAsync();
        }
        catch (Exception cancelling) when (cancelling is NpgsqlException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection broke or the COPY had already ended: nothing was committed either way, and the failure
            // being rethrown says why.
        }
    }

    private static void Encode(BinaryCopyBuffer buffer, EventRow row)
    {
        buffer.StartRow(Columns);
        buffer.WriteUuid(row.Id);
        buffer.WriteText(row.EventName);
        buffer.WriteText(row.EventCategory);
        buffer.WriteUuid(row.UserId);
        buffer.WriteText(row.AnonymousId);
        buffer.WriteText(row.SessionId);
        buffer.WriteText(row.PageUrl);
        buffer.WriteText(row.PageTitle);
        buffer.WriteText(row.ReferrerUrl);
        buffer.WriteText(row.UtmSource);
        buffer.WriteText(row.UtmMedium);
        buffer.WriteText(row.UtmCampaign);
        buffer.WriteText(row.UtmTerm);
        buffer.WriteText(row.UtmContent);
        buffer.WriteUuid(row.ProductId);
        buffer.WriteUuid(row.CartId);
        buffer.WriteUuid(row.OrderId);
        buffer.WriteUuid(row.PaymentId);
        buffer.WriteJsonb(row.Properties);
        buffer.WriteInet(row.IpAddress);
        buffer.WriteText(row.UserAgent);
        buffer.WriteText(row.DeviceType);
        buffer.WriteText(row.Browser);
        buffer.WriteText(row.Os);
        buffer.WriteText(row.ScreenResolution);
        buffer.WriteText(row.CountryCode);
        buffer.WriteTimestampTz(row.ClientTimestamp);
        buffer.WriteTimestampTz(row.CreatedAt);
    }
}
