namespace SbbCommerce.IntegrationTests.Common.Fuzz;

/// <summary>The values a probe throws at every field: none of them may ever earn a 5xx.</summary>
internal static class HostileValues
{
    private static readonly string Long = new('x', 100_000);

    /// <summary>Raw JSON put in place of one property of an otherwise plausible body.</summary>
    public static readonly IReadOnlyList<(string Label, string Json)> Json =
    [
        ("NUL", "\"a\\u0000b\""),
        ("lone surrogate", "\"a\\ud800b\""),
        ("lone low surrogate", "\"\\udc00\""),
        ("100k characters", "\"" + Long + "\""),
        ("2^63", "9223372036854775808"),
        ("-2^63-1", "-9223372036854775809"),
        ("1e400", "1e400"),
        ("negative", "-1"),
        ("fraction", "0.5"),
        ("null", "null"),
        ("boolean", "true"),
        ("wrong string", "\"not-a-guid-date-or-number\""),
        ("empty string", "\"\""),
        ("object", "{}"),
        ("array", "[]"),
        ("array of objects", "[{}]"),
        ("deep nesting", new string('[', 300) + new string(']', 300)),
        ("impossible date", "\"2026-13-45T99:99:99Z\""),
    ];

    /// <summary>Whole bodies in place of the expected object.</summary>
    public static readonly IReadOnlyList<(string Label, string Json)> Bodies =
    [
        ("array for object", "[]"),
        ("null body", "null"),
        ("scalar body", "\"text\""),
        ("number body", "9223372036854775808"),
        ("deep object nesting", string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 300)),
        ("malformed", "{\"a\":"),
        ("empty body", ""),
    ];

    /// <summary>Query and path values, already URL-encoded.</summary>
    public static readonly IReadOnlyList<(string Label, string Encoded)> Query =
    [
        ("NUL", "%00"),
        ("embedded NUL", "a%00b"),
        ("encoded surrogate (invalid UTF-8)", "%ED%A0%80"),
        ("invalid UTF-8", "%FF%FE"),
        ("100k characters", Long),
        ("2^63", "9223372036854775808"),
        ("-2^63-1", "-9223372036854775809"),
        ("1e400", "1e400"),
        ("negative", "-1"),
        ("zero", "0"),
        ("wrong string", "not-a-guid-date-or-number"),
        ("empty", ""),
        ("json", "%7B%22a%22%3A1%7D"),
        ("impossible date", "2026-13-45T99:99:99Z"),
    ];

    /// <summary>Form field values (multipart).</summary>
    public static readonly IReadOnlyList<(string Label, byte[] Utf8)> Form =
    [
        ("NUL", "a\0b"u8.ToArray()),
        ("invalid UTF-8 surrogate", [0x61, 0xED, 0xA0, 0x80, 0x62]),
        ("100k characters", System.Text.Encoding.ASCII.GetBytes(Long)),
        ("2^63", "9223372036854775808"u8.ToArray()),
        ("empty", []),
    ];
}
