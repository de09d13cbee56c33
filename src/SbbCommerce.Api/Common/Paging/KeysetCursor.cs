using System.Buffers.Text;
using System.Text;
using System.Text.Json.Serialization;

namespace SbbCommerce.Api.Common.Paging;

/// <summary>
/// Opaque keyset cursors: the sort key of the last row seen (e.g. created_at and id), serialised as JSON and
/// base64url-encoded. The next page asks for rows strictly after that key, so pages stay stable while rows are
/// added and cost the same at page 1 and page 1,000 (no OFFSET).
/// </summary>
internal static class KeysetCursor
{
    public static string Encode<TKey>(TKey key) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(key, CursorJson.Options));

    public static bool TryDecode<TKey>(string? cursor, out TKey? key)
    {
        key = default;
        if (string.IsNullOrEmpty(cursor))
        {
            return false;
        }

        try
        {
            var bytes = Base64Url.DecodeFromChars(cursor);
            if (Validation.StorableText.FindUnstorable(bytes) is not null)
            {
                return false; // a crafted cursor carrying a NUL would reach the query
            }

            key = JsonSerializer.Deserialize<TKey>(bytes, CursorJson.Options);
            return key is not null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or DecoderFallbackException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Takes one row more than the limit to know whether another page exists.</summary>
    public static PagedResponse<TItem> ToPage<TRow, TItem, TKey>(
        IReadOnlyList<TRow> rowsPlusOne, int limit, Func<TRow, TItem> toItem, Func<TRow, TKey> keyOf)
    {
        ArgumentNullException.ThrowIfNull(rowsPlusOne);
        ArgumentNullException.ThrowIfNull(toItem);
        ArgumentNullException.ThrowIfNull(keyOf);
        var hasMore = rowsPlusOne.Count > limit;
        var rows = hasMore ? rowsPlusOne.Take(limit).ToList() : rowsPlusOne;
        var next = hasMore ? Encode(keyOf(rows[^1])) : null;
        return new PagedResponse<TItem>(rows.Select(toItem).ToList(), next);
    }

    private static class CursorJson
    {
        public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new UtcOnRead() } };
    }

    /// <summary>
    /// A cursor's timestamps are read as UTC: PostgreSQL's timestamptz parameters must be, and a hand-made cursor may
    /// carry another offset (Npgsql would throw on it: a 500 instead of the page).
    /// </summary>
    private sealed class UtcOnRead : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTimeOffset().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(value);
        }
    }
}
