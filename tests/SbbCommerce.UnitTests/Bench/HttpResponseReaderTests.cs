using System.Text;
using SbbCommerce.Bench.Running.RawHttp;

namespace SbbCommerce.UnitTests.Bench;

public sealed class HttpResponseReaderTests
{
    private const string Accepted =
        "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\ncontent-length: 29\r\n\r\n{\"accepted\":50,\"rejected\":[]}";

    private const string OverloadedChunked =
        "HTTP/1.1 429 Too Many Requests\r\nTransfer-Encoding: chunked\r\nRetry-After: 1\r\n\r\n" +
        "a;name=value\r\n{\"code\":\"i\r\n" + "12\r\nngest_overloaded\"}\r\n" + "0\r\n\r\n";

    [Fact]
    public void Given_a_response_with_a_content_length_When_it_arrives_whole_Then_its_status_is_taken_and_nothing_is_left()
    {
        var reader = new HttpResponseReader();
        Feed(reader, Accepted);

        Assert.Equal(202, reader.TryTake(out var closes));
        Assert.False(closes);
        Assert.Null(reader.TryTake(out _));
    }

    [Theory]
    [InlineData(Accepted, 202)]
    [InlineData(OverloadedChunked, 429)]
    public void Given_a_response_arriving_a_byte_at_a_time_When_read_Then_its_status_comes_only_with_the_last_byte(string response, int status)
    {
        var reader = new HttpResponseReader();
        var bytes = Encoding.ASCII.GetBytes(response);
        for (var index = 0; index < bytes.Length - 1; index++)
        {
            Feed(reader, bytes.AsSpan(index, 1));
            Assert.Null(reader.TryTake(out _));
        }

        Feed(reader, bytes.AsSpan(bytes.Length - 1));
        Assert.Equal(status, reader.TryTake(out _));
    }

    [Fact]
    public void Given_two_responses_in_one_receive_When_taken_Then_they_come_in_order()
    {
        var reader = new HttpResponseReader();
        Feed(reader, OverloadedChunked + Accepted);

        Assert.Equal(429, reader.TryTake(out _));
        Assert.Equal(202, reader.TryTake(out _));
        Assert.Null(reader.TryTake(out _));
    }

    [Fact]
    public void Given_a_chunked_body_with_trailers_When_read_Then_the_response_ends_after_the_empty_line()
    {
        var reader = new HttpResponseReader();
        Feed(reader, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\nServer-Timing: db;dur=1\r\n");
        Assert.Null(reader.TryTake(out _));

        Feed(reader, "\r\n");
        Assert.Equal(200, reader.TryTake(out _));
    }

    [Fact]
    public void Given_a_server_closing_the_connection_When_its_response_is_taken_Then_the_reader_says_so()
    {
        var reader = new HttpResponseReader();
        Feed(reader, "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(503, reader.TryTake(out var closes));
        Assert.True(closes);
    }

    [Fact]
    public void Given_a_response_larger_than_the_buffer_When_read_in_pieces_Then_it_is_framed_by_its_length()
    {
        var reader = new HttpResponseReader();
        var body = new string('x', 50_000);
        var bytes = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Length: {body.Length}\r\n\r\n{body}");
        for (var at = 0; at < bytes.Length; at += 3_000)
        {
            Assert.Null(reader.TryTake(out _));
            Feed(reader, bytes.AsSpan(at, Math.Min(3_000, bytes.Length - at)));
        }

        Assert.Equal(200, reader.TryTake(out _));
    }

    [Theory]
    [InlineData("SMTP 220 hello\r\n\r\n")]
    [InlineData("HTTP/1.1 2x2 Accepted\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nread until close")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokay\r\n0\r\n\r\n")]
    public void Given_bytes_that_are_no_framable_response_When_read_Then_they_are_refused(string response)
    {
        var reader = new HttpResponseReader();
        Feed(reader, response);

        Assert.Throws<InvalidDataException>(() => reader.TryTake(out _));
    }

    private static void Feed(HttpResponseReader reader, string text) => Feed(reader, Encoding.ASCII.GetBytes(text));

    private static void Feed(HttpResponseReader reader, ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var space = reader.FreeSpace();
            var count = Math.Min(space.Count, bytes.Length);
            bytes[..count].CopyTo(space.AsSpan());
            reader.Advance(count);
            bytes = bytes[count..];
        }
    }
}
