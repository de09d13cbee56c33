namespace SbbCommerce.Api.Common.Json;

/// <summary>Enum values as the API writes them (<c>pending_payment</c>), for query strings and messages.</summary>
internal static class SnakeCaseEnum
{
    public static bool TryParse<TEnum>(string? value, out TEnum result)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Label(candidate), value, StringComparison.Ordinal))
            {
                result = candidate;
                return true;
            }
        }

        result = default;
        return false;
    }

    public static string Label<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Every label of the enum, in declaration order (for "must be one of" messages).</summary>
    public static IEnumerable<string> All<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(Label);
}
