using System.Net;
using System.Text;
using SbbCommerce.Api.Modules.Events.Writing;

namespace SbbCommerce.IntegrationTests.Events.Writing;

/// <summary>
/// The writer encodes PostgreSQL's binary COPY format itself (<see cref="BinaryCopyBuffer"/>), so every column type
/// <c>events</c> has is written here and read back through PostgreSQL's own output: what went in is what is stored.
/// </summary>
public sealed class EventCopyWriterTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static readonly DateTimeOffset Received = new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero).AddTicks(1_234_567);

    [Fact]
    public async Task Given_every_column_filled_When_written_Then_each_value_reads_back_as_it_was_sent()
    {
        var session = $"copy-{Guid.NewGuid():N}";
        var row = Row(session) with
        {
            UserId = null,
            PageUrl = "https://sciencebasedbody.com/p/bpc-157?utm_source=tiktok",
            PageTitle = "BPC-157 · Ünïcödé 🚀",
            ReferrerUrl = "https://www.tiktok.com/",
            UtmSource = "tiktok",
            UtmMedium = "social",
            UtmCampaign = "viral-ü",
            UtmTerm = "peptides",
            UtmContent = "video-1",
            ProductId = Guid.NewGuid(),
            CartId = Guid.NewGuid(),
            OrderId = Guid.NewGuid(),
            PaymentId = Guid.NewGuid(),
            Properties = """{"note":"日本語","n":[1,2.5,null]}""",
            IpAddress = IPAddress.Parse("2001:db8::1"),
            UserAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)",
            DeviceType = "mobile",
            Browser = "Safari",
            Os = "iOS",
            ScreenResolution = "390x844",
            CountryCode = "DE",
            // Before PostgreSQL's epoch (2000-01-01): a negative count of microseconds.
            ClientTimestamp = new DateTimeOffset(1999, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_990),
        };

        await Writer.WriteAsync([row], CancellationToken.None);

        var stored = await ReadAsync(session);
        string[] expected =
            [
                row.Id.ToString(), row.EventName, row.EventCategory, "", row.AnonymousId!, row.SessionId, row.PageUrl!, row.PageTitle!,
                row.ReferrerUrl!, "tiktok", "social", "viral-ü", "peptides", "video-1", $"{row.ProductId}", $"{row.CartId}",
                $"{row.OrderId}", $"{row.PaymentId}", """{"n": [1, 2.5, null], "note": "日本語"}""", "2001:db8::1/128",
                row.UserAgent!, "mobile", "Safari", "iOS", "390x844", "DE", "1999-12-31 23:59:59.999999+00",
                "2026-11-30 23:59:59.123456+00",
            ];
        Assert.Equal(expected, stored);
    }

    [Fact]
    public async Task Given_every_optional_column_empty_When_written_Then_they_are_null_and_an_ipv4_address_is_kept()
    {
        var session = $"copy-{Guid.NewGuid():N}";
        var row = Row(session) with { IpAddress = IPAddress.Parse("203.0.113.7") };

        await Writer.WriteAsync([row], CancellationToken.None);

        var stored = await ReadAsync(session);
        Assert.Equal("203.0.113.7/32", stored[19]);
        Assert.Equal("{}", stored[18]);
        Assert.All(new[] { 3, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 20, 21, 22, 23, 24, 25, 26 }, column => Assert.Equal("", stored[column]));
    }

    [Fact]
    public async Task Given_a_batch_with_one_row_the_column_cannot_hold_When_written_Then_PostgreSQL_refuses_it_and_none_of_the_batch_is_stored()
    {
        var session = $"copy-{Guid.NewGuid():N}";
        var rows = Enumerable.Range(0, 3000).Select(_ => Row(session)).ToList();
        // Past the 64 KiB sent before the end, so the refusal comes for a COPY already partly on the wire.
        rows.Add(Row(session) with { ScreenResolution = new string('9', 21) });

        var refused = await Assert.ThrowsAsync<PostgresException>(() => Writer.WriteAsync(rows, CancellationToken.None));

        Assert.Equal(PostgresErrorCodes.StringDataRightTruncation, refused.SqlState);
        await AssertNothingStoredAndTheNextCopyCommitsAsync(session);
    }

    [Fact]
    public async Task Given_a_batch_larger_than_one_send_When_written_Then_every_row_is_stored_once()
    {
        var session = $"copy-{Guid.NewGuid():N}";
        var rows = Enumerable.Range(0, 3000).Select(i => Row(session) with { PageTitle = $"title {i}" }).ToList();

        await Writer.WriteAsync(rows, CancellationToken.None);

        Assert.Equal(3000L, await fixture.ScalarAsync<long>(
            "SELECT count(DISTINCT page_title) FROM events WHERE session_id = @s AND page_title LIKE 'title %'", ("s", session)));
        Assert.Equal(3000, (await ReadAllAsync(session)).Count);
    }

    [Fact]
    public async Task Given_rows_that_fail_after_part_of_the_copy_was_sent_When_written_Then_nothing_is_stored_and_the_next_copy_commits()
    {
        var session = $"copy-{Guid.NewGuid():N}";

        // More than one send's worth of rows, then a failure while encoding: the COPY is cancelled, not completed.
        await Assert.ThrowsAsync<InvalidOperationException>(() => Writer.WriteAsync(FailingAfter(3000, session), CancellationToken.None));
        var loneSurrogate = Enumerable.Range(0, 3000).Select(_ => Row(session)).Append(Row(session) with { PageTitle = "x\ud800" });
        await Assert.ThrowsAsync<EncoderFallbackException>(() => Writer.WriteAsync(loneSurrogate, CancellationToken.None));
        await AssertNothingStoredAndTheNextCopyCommitsAsync(session);
    }

    /// <summary>None of the failed batches is stored, and the connection went back to the pool usable: the next COPY commits.</summary>
    private async Task AssertNothingStoredAndTheNextCopyCommitsAsync(string session)
    {
        Assert.Empty(await ReadAllAsync(session));
        await Writer.WriteAsync([Row(session)], CancellationToken.None);
        Assert.Single(await ReadAllAsync(session));
    }

    [Fact]
    public async Task Given_a_queued_request_the_encoder_refuses_When_the_writers_take_it_Then_only_that_request_fails_and_the_writers_go_on()
    {
        var session = $"copy-{Guid.NewGuid():N}";
        var queue = fixture.Factory.Services.GetRequiredService<EventWriteQueue>();
        var refused = new QueuedBatch([Row(session) with { PageTitle = "x\udc00" }]);
        var good = new QueuedBatch([Row(session), Row(session)]);

        Assert.True(queue.TryEnqueue(refused));
        Assert.True(queue.TryEnqueue(good));

        await good.Committed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAsync<EncoderFallbackException>(() => refused.Committed.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, (await ReadAllAsync(session)).Count);
        var after = new QueuedBatch([Row(session)]);
        Assert.True(queue.TryEnqueue(after));
        await after.Committed.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static IEnumerable<EventRow> FailingAfter(int count, string session)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Row(session);
        }

        throw new InvalidOperationException("the rows ran out");
    }

    private EventCopyWriter Writer => fixture.Factory.Services.GetRequiredService<EventCopyWriter>();

    private static EventRow Row(string session) => new(
        EventIds.NewVersion7(Received), "product.view", "product", null, session, session, null, null, null, null, null, null, null,
        null, null, null, null, null, "{}", null, null, null, null, null, null, null, null, Received);

    private async Task<string[]> ReadAsync(string session) => Assert.Single(await ReadAllAsync(session));

    // Each column as PostgreSQL prints it (SET TimeZone so timestamps print in UTC); null as "".
    private async Task<List<string[]>> ReadAllAsync(string session)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SET TimeZone = 'UTC';
            SELECT id::text, event_name, event_category, user_id::text, anonymous_id, session_id, page_url, page_title,
                   referrer_url, utm_source, utm_medium, utm_campaign, utm_term, utm_content, product_id::text, cart_id::text,
                   order_id::text, payment_id::text, properties::text, host(ip_address) || '/' || masklen(ip_address), user_agent, device_type, browser, os,
                   screen_resolution, country_code::text, client_timestamp::text, created_at::text
            FROM events WHERE session_id = @session
            """, connection);
        command.Parameters.AddWithValue("session", session);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetString(i)).ToArray());
        }

        return rows;
    }
}
