using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace SbbCommerce.Api.Common.Validation;

/// <summary>
/// Text PostgreSQL can store: no NUL (U+0000, refused by every text column: 22021) and no unpaired UTF-16
/// surrogate (it has no UTF-8 encoding). Checked once for every request by <see cref="StorableTextMiddleware"/>, or by
/// the route itself where a body holds items that are accepted or refused one by one (<see cref="StorableTextPerItem"/>).
/// </summary>
internal static class StorableText
{
    public const string Message = "Contains a character that cannot be stored (NUL or an unpaired surrogate).";

    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The path (e.g. <c>lines[0].name</c>) of the first property name or string value of a JSON document that
    /// cannot be stored, or null when there is none. Malformed JSON is left to the binder (null). In valid UTF-8 only
    /// a <c>\u</c> escape can write a NUL or a surrogate (the reader refuses a raw control character), so text without
    /// <c>\u0000</c> or <c>\uD800</c>-<c>\uDFFF</c> needs vectorised byte scans, not a pass of the reader. Other escapes are
    /// common (<c>\u0026</c> for every <c>&amp;</c> of a URL from .NET's serializer, <c>\u00e9</c> from ASCII-only encoders).
    /// </summary>
    public static string? FindUnstorable(ReadOnlySpan<byte> utf8Json) =>
        (Utf8.IsValid(utf8Json) && !MayEscapeUnstorable(utf8Json)) || IsAllStorable(utf8Json) ? null : NameUnstorable(utf8Json);

    /// <summary>
    /// Whether the JSON holds an escape that may write a NUL or a surrogate. Conservative: <c>\\u0000</c> (an escaped
    /// backslash, then text) and a well-formed surrogate pair count too; the reader's pass then decides.
    /// </summary>
    private static bool MayEscapeUnstorable(ReadOnlySpan<byte> utf8Json)
    {
        var rest = utf8Json;
        for (var at = rest.IndexOf("\\u"u8); at >= 0; at = rest.IndexOf("\\u"u8))
        {
            rest = rest[(at + 2)..];
            if (rest.Length < 4 || rest[..4].SequenceEqual("0000"u8) || ((rest[0] | 0x20) == 'd' && IsSurrogateSecondDigit(rest[1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The second hex digit of <c>\uD800</c>-<c>\uDFFF</c>: 8, 9 or a-f in either case.</summary>
    private static bool IsSurrogateSecondDigit(byte digit) => digit is (byte)'8' or (byte)'9' || (digit | 0x20) is >= 'a' and <= 'f';

    /// <summary>
    /// Whether a property name of this object (its own, not its children's) cannot be stored or cannot be read as text
    /// at all (an escaped lone surrogate: looking a property up by name would throw on it). Only an escaped name can
    /// hold either, so a plain name costs a byte search.
    /// </summary>
    public static bool HasUnstorablePropertyName(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (JsonMarshal.GetRawUtf8PropertyName(property).Contains((byte)'\\') && !IsStorableName(property))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStorableName(JsonProperty property)
    {
        try
        {
            return IsStorable(property.Name);
        }
        catch (InvalidOperationException)
        {
            return false; // an escaped lone surrogate: no string at all
        }
    }

    /// <summary>
    /// Whether every property name and string value can be stored: the answer for nearly every request, so it is read
    /// without building paths or allocating names (malformed JSON is left to the binder: true).
    /// </summary>
    private static bool IsAllStorable(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String)
                {
                    ReadString(ref reader, out var storable, keepName: false);
                    if (!storable)
                    {
                        return false;
                    }
                }
            }
        }
        catch (JsonException)
        {
            return true;
        }

        return true;
    }

    /// <summary>The path of the first text that cannot be stored (the slow pass, run only when there is one).</summary>
    private static string? NameUnstorable(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 256 });
        var path = new List<string>();
        var indexes = new Stack<int>();
        string? pendingName = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Add(ElementName(pendingName, indexes));
                        indexes.Push(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                        pendingName = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        indexes.Pop();
                        path.RemoveAt(path.Count - 1);
                        AdvanceIndex(indexes);
                        break;
                    case JsonTokenType.PropertyName:
                        pendingName = ReadString(ref reader, out var nameOk, keepName: true);
                        if (!nameOk)
                        {
                            return Join(path, "(property name)");
                        }

                        break;
                    case JsonTokenType.String:
                        var name = ElementName(pendingName, indexes);
                        ReadString(ref reader, out var valueOk, keepName: false);
                        if (!valueOk)
                        {
                            return Join(path, name);
                        }

                        pendingName = null;
                        AdvanceIndex(indexes);
                        break;
                    default:
                        pendingName = null;
                        AdvanceIndex(indexes);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return null;
    }

    private static string ElementName(string? propertyName, Stack<int> indexes) =>
        propertyName ?? (indexes.TryPeek(out var index) && index >= 0 ? $"[{index}]" : string.Empty);

    private static void AdvanceIndex(Stack<int> indexes)
    {
        if (indexes.TryPeek(out var index) && index >= 0)
        {
            indexes.Pop();
            indexes.Push(index + 1);
        }
    }

    private static string Join(List<string> path, string last)
    {
        var builder = new StringBuilder();
        foreach (var part in path.Append(last).Where(p => p.Length > 0))
        {
            if (builder.Length > 0 && !part.StartsWith('['))
            {
                builder.Append('.');
            }

            // The name itself may be what cannot be stored; it goes back to the client, so keep it printable.
            builder.Append(IsStorable(part) ? part : "?");
        }

        return builder.Length == 0 ? "body" : builder.ToString();
    }

    /// <summary>
    /// Whether the current token's string can be stored, and the string itself when it is a property name and
    /// <paramref name="keepName"/> asks for it (a path names it). Plain ASCII without escapes cannot hold a NUL or a
    /// surrogate, so the common case allocates nothing.
    /// </summary>
    private static string? ReadString(ref Utf8JsonReader reader, out bool storable, bool keepName)
    {
        var raw = reader.ValueSpan; // the reader runs over one contiguous span
        if (!reader.ValueIsEscaped && Ascii.IsValid(raw))
        {
            storable = true;
            return keepName && reader.TokenType == JsonTokenType.PropertyName ? Encoding.ASCII.GetString(raw) : null;
        }

        try
        {
            var text = reader.GetString();
            storable = text is null || IsStorable(text);
            return text;
        }
        catch (InvalidOperationException)
        {
            // An escaped unpaired surrogate or invalid UTF-8: no string at all.
            storable = false;
            return null;
        }
    }
}
