using SbbCommerce.Api.Common.Paging;

namespace SbbCommerce.UnitTests.Common.Paging;

public sealed class PageRequestTests
{
    [Fact]
    public void Given_no_cursor_When_reading_it_Then_the_first_page_is_asked_for()
    {
        var page = PageRequest.From(limit: null, cursor: " ");

        Assert.True(page.TryReadCursor(out CreatedIdCursor? after));
        Assert.Null(after);
    }

    [Fact]
    public void Given_a_cursor_the_list_issued_When_reading_it_Then_its_key_is_returned()
    {
        var key = new CreatedIdCursor(new DateTimeOffset(2026, 11, 30, 21, 0, 0, TimeSpan.Zero), Guid.NewGuid());
        var page = PageRequest.From(limit: 10, KeysetCursor.Encode(key));

        Assert.True(page.TryReadCursor(out CreatedIdCursor? after));
        Assert.Equal(key, after);
    }

    [Fact]
    public void Given_a_cursor_that_does_not_decode_When_reading_it_Then_it_is_refused()
    {
        var page = PageRequest.From(limit: 10, "not base64 !!");

        Assert.False(page.TryReadCursor(out CreatedIdCursor? _));
    }
}
