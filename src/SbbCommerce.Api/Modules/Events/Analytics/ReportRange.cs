namespace SbbCommerce.Api.Modules.Events.Analytics;

/// <summary>
/// A report's UTC date range: <c>from</c> and <c>to</c> are dates (<c>YYYY-MM-DD</c>), both included, so the
/// instants are [from 00:00Z, to + 1 day 00:00Z).
/// </summary>
internal sealed record ReportRange(DateOnly From, DateOnly To)
{
    public const int MaxDays = 366;

    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The range, or null with the reasons added to <paramref name="errors"/>.</summary>
    public static ReportRange? Read(string? from, string? to, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var start = Date(from, "from", errors);
        var end = Date(to, "to", errors);
        if (start is null || end is null)
        {
            return null;
        }

        if (end < start)
        {
            errors["to"] = ["Must not be before from."];
            return null;
        }

        if (end.Value.DayNumber - start.Value.DayNumber >= MaxDays)
        {
            errors["to"] = [$"A report covers at most {MaxDays} days."];
            return null;
        }

        return new ReportRange(start.Value, end.Value);
    }

    private static DateOnly? Date(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[field] = ["Required, as a UTC date YYYY-MM-DD."];
        return null;
    }

    /// <summary>A share rounded to four decimals; 0 when there is nothing to divide by.</summary>
    public static double Ratio(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
