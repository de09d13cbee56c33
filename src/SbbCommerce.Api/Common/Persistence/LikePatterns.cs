namespace SbbCommerce.Api.Common.Persistence;

/// <summary>LIKE patterns from user input: % and _ typed by a user match themselves, not anything.</summary>
internal static class LikePatterns
{
    /// <summary>PostgreSQL's default LIKE escape, the one <see cref="Escape"/> writes.</summary>
    public const string EscapeCharacter = "\\";

    /// <summary>The text with its wildcards (and the escape character itself) escaped.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
    }

    /// <summary>Values that start with the text.</summary>
    public static string Prefix(string value) => Escape(value) + "%";

    /// <summary>Values that contain the text anywhere.</summary>
    public static string Substring(string value) => $"%{Escape(value)}%";
}
