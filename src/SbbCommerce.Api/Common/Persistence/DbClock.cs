namespace SbbCommerce.Api.Common.Persistence;

/// <summary>The clock for times that are stored: PostgreSQL keeps microseconds, .NET ticks are a tenth of one.</summary>
internal static class DbClock
{
    /// <summary>
    /// Now, at PostgreSQL's precision (microseconds): the time an answer shows right after a write is the one a
    /// later read of the row shows.
    /// </summary>
    public static DateTimeOffset GetDatabaseNow(this TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return ToDatabasePrecision(timeProvider.GetUtcNow());
    }

    /// <summary>The time as PostgreSQL will store it (ticks below a microsecond dropped).</summary>
    public static DateTimeOffset ToDatabasePrecision(DateTimeOffset time) =>
        time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMicrosecond));
}
