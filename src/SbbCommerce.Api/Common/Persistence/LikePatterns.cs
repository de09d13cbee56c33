namespace SbbCommerce.Api.Common.Persistence;

/// <summary>LIKE patterns from user input: % and _ typed by a user match themselves, not anything.</summary>
internal static class LikePatterns
{
    public static string Prefix(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
    }
}
