using SbbCommerce.Api.Common.Paging;

namespace SbbCommerce.UnitTests.Common.Paging;

public sealed class KeysetCursorTests
{
    [Fact]
    public void Given_a_key_When_encoded_and_decoded_Then_it_round_trips()
    {
        var key = new CreatedIdCursor(new DateTimeOffset(2026, 11, 27, 16, 51, 51, 123, TimeSpan.Zero), Guid.NewGuid());

        var cursor = KeysetCursor.Encode(key);

        Assert.True(KeysetCursor.TryDecode<CreatedIdCursor>(cursor, out var decoded));
        Assert.Equal(key, decoded);
        Assert.DoesNotContain("+", cursor, StringComparison.Ordinal);
        Assert.DoesNotContain("/", cursor, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_hand_made_cursor_with_an_offset_When_decoded_Then_its_time_is_the_same_instant_in_UTC()
    {
        var id = Guid.NewGuid();
        var cursor = System.Buffers.Text.Base64Url.EncodeToString(
            System.Text.Encoding.UTF8.GetBytes($$"""{"createdAt":"2026-11-27T18:00:00+02:00","id":"{{id}}"}"""));

        Assert.True(KeysetCursor.TryDecode<CreatedIdCursor>(cursor, out var decoded));
        Assert.Equal(TimeSpan.Zero, decoded!.CreatedAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero), decoded.CreatedAt);
    }

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("bm90IGpzb24")]
    [InlineData("")]
    [InlineData(null)]
    public void Given_garbage_When_decoding_Then_it_is_refused(string? cursor)
    {
        Assert.False(KeysetCursor.TryDecode<CreatedIdCursor>(cursor, out _));
    }

    [Fact]
    public void Given_one_row_more_than_the_limit_When_paging_Then_a_next_cursor_points_at_the_last_item()
    {
        var rows = Enumerable.Range(1, 4).ToList();

        var page = KeysetCursor.ToPage(rows, limit: 3, toItem: row => row * 10, keyOf: row => row);

        Assert.Equal([10, 20, 30], page.Items);
        Assert.True(KeysetCursor.TryDecode<int>(page.NextCursor, out var last));
        Assert.Equal(3, last);
    }

    [Fact]
    public void Given_no_more_rows_than_the_limit_When_paging_Then_there_is_no_next_cursor()
    {
        var page = KeysetCursor.ToPage(new[] { 1, 2 }, limit: 3, toItem: row => row, keyOf: row => row);

        Assert.Null(page.NextCursor);
        Assert.Equal(2, page.Items.Count);
    }

    [Theory]
    [InlineData(null, 50)]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(10, 10)]
    [InlineData(1000, 200)]
    public void Given_a_limit_When_reading_the_page_request_Then_it_is_clamped_to_1_200_with_default_50(int? limit, int expected)
    {
        Assert.Equal(expected, PageRequest.From(limit, null).Limit);
    }
}
