using System.Buffers.Text;
using System.Runtime.InteropServices;

namespace SbbCommerce.Api.Common.Json;

/// <summary>
/// Numbers a jsonb column can hold as sent. PostgreSQL stores a JSON number as numeric, written out in full: <c>1e131071</c>
/// becomes 131,072 digits and <c>1e131072</c> or <c>1e-16384</c> fails the whole statement ("value overflows numeric
/// format"), which for a COPY is every row of the batch. Without an exponent a number is as long as it was sent; with
/// one it must be a finite double (RFC 8259's range for interoperable numbers) and its exponent at least -324 (double's
/// smallest), so no number can fail the insert or grow past a few hundred digits.
/// </summary>
internal static class JsonNumbers
{
    public const string Message = "Numbers must be within the range of a double (at most about 1.8e308, exponents from -324).";

    private const int SmallestExponent = -324;

    public static bool AreStorable(JsonElement value)
    {
        var utf8Json = JsonMarshal.GetRawUtf8Value(value);
        if (!MayHoldExponent(utf8Json))
        {
            return true; // no exponent anywhere: every number is as long as it was sent
        }

        var reader = new Utf8JsonReader(utf8Json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.Number && !IsStorable(ref reader))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An exponent is an <c>e</c> right after a digit; names and text hold plenty of other e's (<c>"price"</c>).</summary>
    private static bool MayHoldExponent(ReadOnlySpan<byte> utf8Json)
    {
        for (var at = utf8Json.IndexOfAny((byte)'e', (byte)'E'); at >= 0; at = NextE(utf8Json, at))
        {
            if (at > 0 && char.IsAsciiDigit((char)utf8Json[at - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static int NextE(ReadOnlySpan<byte> utf8Json, int at)
    {
        var next = utf8Json[(at + 1)..].IndexOfAny((byte)'e', (byte)'E');
        return next < 0 ? -1 : at + 1 + next;
    }

    private static bool IsStorable(ref Utf8JsonReader reader)
    {
        var number = reader.ValueSpan; // one span: the reader reads a single buffer
        var e = number.IndexOfAny((byte)'e', (byte)'E');
        if (e < 0)
        {
            return true;
        }

        return reader.TryGetDouble(out var asDouble) && double.IsFinite(asDouble)
            && Utf8Parser.TryParse(number[(e + 1)..], out int exponent, out var consumed) && consumed == number.Length - e - 1
            && exponent >= SmallestExponent;
    }
}
