namespace SbbCommerce.Api.Modules.Catalog;

internal static class CatalogClock
{
    /// <summary>
    /// Now, at PostgreSQL's precision (microseconds): the time an answer shows right after a write is the one a
    /// later read of the row shows.
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var now = timeProvider.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
