using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SbbCommerce.Api.Modules.Events.Writing;

/// <summary>
/// Rows in PostgreSQL's binary COPY format (the "Binary Format" section of the COPY documentation), for the few column
/// types <c>events</c> has. NpgsqlBinaryImporter does the same through a parameter, a type lookup and an async call per
/// value; at tens of thousands of events a second those were the writer's largest cost, and this is a handful of byte
/// copies. Each value is what the type's binary receive function reads: text and varchar their UTF-8 bytes, uuid its
/// 16 bytes in RFC 4122 order, jsonb a version byte and the JSON text, timestamptz microseconds since 2000-01-01 UTC,
/// inet family, bits, is-cidr, length and address.
/// </summary>
internal sealed class BinaryCopyBuffer
{
    /// <summary>"PGCOPY\n\377\r\n\0", then flags (no OIDs) and the header extension length, both 0.</summary>
    private static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private const long PostgresEpochTicks = 630_822_816_000_000_000; // 2000-01-01T00:00:00Z
    private const byte PostgresInet4 = 2; // PGSQL_AF_INET
    private const byte PostgresInet6 = 3; // PGSQL_AF_INET6
    private const byte JsonbVersion = 1;

    /// <summary>Throws on a lone surrogate (EncoderFallbackException), as Npgsql's encoder did, where Encoding.UTF8 would store U+FFFD instead.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ArrayBufferWriter<byte> _buffer;

    public BinaryCopyBuffer(int initialCapacity = 64 * 1024)
    {
        _buffer = new ArrayBufferWriter<byte>(initialCapacity);
        _buffer.Write(Header);
    }

    /// <summary>What is written so far and not yet taken by <see cref="Clear"/>.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.WrittenMemory;

    public int Length => _buffer.WrittenCount;

    /// <summary>Forgets what was written (after it was sent); the buffer's memory is kept for the next rows.</summary>
    public void Clear() => _buffer.ResetWrittenCount();

    public void StartRow(short columns) => WriteInt16(columns);

    /// <summary>The end of the data: a field count of -1.</summary>
    public void Finish() => WriteInt16(-1);

    public void WriteNull() => WriteInt32(-1);

    public void WriteText(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        WriteUtf8([], value);
    }

    public void WriteJsonb(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        WriteUtf8([JsonbVersion], json);
    }

    public void WriteUuid(Guid? value)
    {
        if (value is not { } uuid)
        {
            WriteNull();
            return;
        }

        var span = _buffer.GetSpan(sizeof(int) + 16);
        BinaryPrimitives.WriteInt32BigEndian(span, 16);
        uuid.TryWriteBytes(span.Slice(sizeof(int), 16), bigEndian: true, out _);
        _buffer.Advance(sizeof(int) + 16);
    }

    public void WriteTimestampTz(DateTimeOffset? value)
    {
        if (value is not { } at)
        {
            WriteNull();
            return;
        }

        var span = _buffer.GetSpan(sizeof(int) + sizeof(long));
        BinaryPrimitives.WriteInt32BigEndian(span, sizeof(long));
        BinaryPrimitives.WriteInt64BigEndian(span[sizeof(int)..], (at.UtcTicks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);
        _buffer.Advance(sizeof(int) + sizeof(long));
    }

    public void WriteInet(IPAddress? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        var v4 = value.AddressFamily == AddressFamily.InterNetwork;
        var addressLength = v4 ? 4 : 16;
        var span = _buffer.GetSpan(sizeof(int) + 4 + addressLength);
        BinaryPrimitives.WriteInt32BigEndian(span, 4 + addressLength);
        span[4] = v4 ? PostgresInet4 : PostgresInet6;
        span[5] = (byte)(addressLength * 8); // bits: a host address
        span[6] = 0; // inet, not cidr
        span[7] = (byte)addressLength;
        value.TryWriteBytes(span.Slice(8, addressLength), out _);
        _buffer.Advance(sizeof(int) + 4 + addressLength);
    }

    /// <summary>A value of <paramref name="prefix"/> then <paramref name="text"/> in UTF-8, after its length.</summary>
    private void WriteUtf8(ReadOnlySpan<byte> prefix, string text)
    {
        var span = _buffer.GetSpan(sizeof(int) + prefix.Length + Utf8.GetMaxByteCount(text.Length));
        prefix.CopyTo(span[sizeof(int)..]);
        var length = prefix.Length + Utf8.GetBytes(text, span[(sizeof(int) + prefix.Length)..]);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        _buffer.Advance(sizeof(int) + length);
    }

    private void WriteInt16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(_buffer.GetSpan(sizeof(short)), value);
        _buffer.Advance(sizeof(short));
    }

    private void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.GetSpan(sizeof(int)), value);
        _buffer.Advance(sizeof(int));
    }
}
