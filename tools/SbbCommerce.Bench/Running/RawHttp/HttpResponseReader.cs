using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace SbbCommerce.Bench.Running.RawHttp;

/// <summary>
/// Collects one connection's bytes and takes whole HTTP/1.1 responses out of them: the status line, the headers, then
/// the body by <c>Content-Length</c> or chunked transfer coding (what Kestrel sends on a kept-alive connection). Only
/// the status and whether the server closes the connection are read; the body is skipped.
/// </summary>
internal sealed class HttpResponseReader
{
    /// <summary>A response's head larger than this is not an answer this bench expects.</summary>
    private const int MaxHeadBytes = 64 * 1024;

    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    private byte[] _buffer = new byte[8 * 1024];
    private int _length;

    /// <summary>Room for the next receive (grown when the buffer is full).</summary>
    public ArraySegment<byte> FreeSpace()
    {
        if (_length == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        return new ArraySegment<byte>(_buffer, _length, _buffer.Length - _length);
    }

    /// <summary>Counts bytes just received into <see cref="FreeSpace"/>.</summary>
    public void Advance(int received) => _length += received;

    /// <summary>Forgets everything (the connection was replaced).</summary>
    public void Reset() => _length = 0;

    /// <summary>
    /// The status code of the first whole response received, taking it out of the buffer; null while more bytes are
    /// needed. <paramref name="closes"/> says whether the server closes the connection after it.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not an HTTP/1.1 response this reader can frame.</exception>
    public int? TryTake(out bool closes)
    {
        closes = false;
        var bytes = _buffer.AsSpan(0, _length);
        var headLength = bytes.IndexOf(HeadEnd);
        if (headLength < 0)
        {
            return _length > MaxHeadBytes ? throw new InvalidDataException("No end of the response head within 64 KB.") : null;
        }

        var head = Encoding.ASCII.GetString(bytes[..headLength]);
        var status = StatusOf(head);
        var (contentLength, chunked) = FramingOf(head, out closes);
        var bodyStart = headLength + HeadEnd.Length;
        int? end = chunked ? ChunkedEnd(bytes, bodyStart)
            : contentLength is { } length ? (bytes.Length - bodyStart >= length ? bodyStart + (int)length : null)
            : status is 204 or 304 ? bodyStart
            : throw new InvalidDataException("A response without Content-Length or chunked coding cannot be framed on a kept-alive connection.");
        if (end is not { } taken)
        {
            return null;
        }

        bytes[taken..].CopyTo(_buffer);
        _length -= taken;
        return status;
    }

    private static int StatusOf(string head)
    {
        // "HTTP/1.1 202 Accepted"
        return head.Length >= 12 && head.StartsWith("HTTP/1.", StringComparison.Ordinal) && head[8] == ' '
               && int.TryParse(head.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            ? status
            : throw new InvalidDataException($"Not an HTTP/1.x status line: {head.Split('\r')[0]}");
    }

    private static (long? ContentLength, bool Chunked) FramingOf(string head, out bool closes)
    {
        closes = head.StartsWith("HTTP/1.0", StringComparison.Ordinal);
        long? contentLength = null;
        var chunked = false;
        foreach (var line in head.Split("\r\n").Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                    ? length
                    : throw new InvalidDataException($"Content-Length is not a length: {value}");
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                closes = value.Contains("close", StringComparison.OrdinalIgnoreCase);
            }
        }

        return (contentLength, chunked);
    }

    /// <summary>Where a chunked body (and its trailers) ends, or null when it has not all arrived.</summary>
    private static int? ChunkedEnd(ReadOnlySpan<byte> bytes, int at)
    {
        while (true)
        {
            var lineLength = bytes[at..].IndexOf(LineEnd);
            if (lineLength < 0)
            {
                return null;
            }

            var sizeField = bytes.Slice(at, lineLength);
            var extension = sizeField.IndexOf((byte)';');
            if (!Utf8Parser.TryParse(extension < 0 ? sizeField : sizeField[..extension], out int size, out var consumed, 'x')
                || consumed != (extension < 0 ? sizeField.Length : extension))
            {
                throw new InvalidDataException("A chunk size is not hexadecimal.");
            }

            at += lineLength + LineEnd.Length;
            if (size == 0)
            {
                return TrailersEnd(bytes, at);
            }

            at += size;
            if (at + LineEnd.Length > bytes.Length)
            {
                return null;
            }

            if (!bytes.Slice(at, LineEnd.Length).SequenceEqual(LineEnd))
            {
                throw new InvalidDataException("A chunk's data does not end where its size says.");
            }

            at += LineEnd.Length;
        }
    }

    /// <summary>After the last chunk: trailer lines up to an empty line.</summary>
    private static int? TrailersEnd(ReadOnlySpan<byte> bytes, int at)
    {
        while (true)
        {
            var lineLength = bytes[at..].IndexOf(LineEnd);
            if (lineLength < 0)
            {
                return null;
            }

            at += lineLength + LineEnd.Length;
            if (lineLength == 0)
            {
                return at;
            }
        }
    }
}
