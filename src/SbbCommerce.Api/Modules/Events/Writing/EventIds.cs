using System.Buffers.Binary;

namespace SbbCommerce.Api.Modules.Events.Writing;

/// <summary>
/// UUIDv7 ids for events (RFC 9562: 48 bits of Unix milliseconds, then random bits), time-ordered so the primary key
/// grows at its end. <see cref="Guid.CreateVersion7(DateTimeOffset)"/> draws its bits from the operating system's
/// cryptographic generator, which a burst of ingest threads queue on; an event id is not a secret, so these come from
/// <see cref="Random.Shared"/> (thread-local state, no lock).
/// </summary>
internal static class EventIds
{
    public static Guid NewVersion7(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        var milliseconds = (ulong)at.ToUnixTimeMilliseconds();
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)(milliseconds >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(bytes[2..], (uint)milliseconds);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
