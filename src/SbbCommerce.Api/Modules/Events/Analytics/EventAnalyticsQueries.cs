using SbbCommerce.Api.Modules.Events.Rollups;

namespace SbbCommerce.Api.Modules.Events.Analytics;

/// <summary>
/// The reports' SQL over the rollups of <c>events</c> (<c>event_visitors</c>, <c>event_product_days</c>; migration 0090,
/// ADR 0008), folded from the events after they are written (migration 0097, ADR 0014), so no report scans the events;
/// each query first catches the rollups up, so a report sees every event committed before it.
/// A visitor is <c>coalesce(user_id, anonymous_id)</c>: once stitching gave a visitor's anonymous events to the user,
/// the user and those events are one visitor. A "touch" is an event carrying any of utm_source/medium/campaign.
/// </summary>
internal sealed class EventAnalyticsQueries(NpgsqlDataSource dataSource, EventRollups rollups)
{
    public static readonly IReadOnlyList<string> FunnelSteps = ["product.view", "cart.add", "checkout.started", "checkout.completed", "payment.completed"];

    /// <summary>Whitelisted: the column suffix a groupBy names (never user text in SQL).</summary>
    public static readonly IReadOnlyDictionary<string, string> GroupColumns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["source"] = "source",
        ["medium"] = "medium",
        ["campaign"] = "campaign",
    };

    /// <summary>
    /// Visitors first seen in the range and, of them, those who signed up in it, per touch value (null: no touch):
    /// the visitor's first touch, or with <paramref name="firstTouch"/> false its latest.
    /// </summary>
    public async Task<List<(string? Key, long Visitors, long Signups)>> VisitorsByTouchAsync(
        ReportRange range, string column, bool firstTouch, CancellationToken cancellationToken)
    {
        await rollups.CatchUpAsync(cancellationToken);
        var touch = (firstTouch ? "first_touch_" : "last_touch_") + column;
        await using var command = dataSource.CreateCommand($"""
            SELECT {touch}, count(*), count(*) FILTER (WHERE signed_up_at < @to)
              FROM event_visitors
             WHERE first_seen_at >= @from AND first_seen_at < @to
             GROUP BY {touch}
            """);
        AddRange(command, range);
        var rows = new List<(string?, long, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        return rows;
    }

    /// <summary>
    /// Each user's first touch value (users without a touch are absent). Asked only after <see cref="VisitorsByTouchAsync"/>
    /// in the same report, which caught the rollups up: it reads them as they are.
    /// </summary>
    public async Task<Dictionary<Guid, string?>> FirstTouchOfUsersAsync(
        string column, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT visitor, first_touch_{column} FROM event_visitors WHERE visitor = ANY(@users) AND first_touch_at IS NOT NULL
            """);
        command.Parameters.AddWithValue("users", userIds.Select(id => id.ToString()).ToArray());
        var touches = new Dictionary<Guid, string?>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            touches[Guid.Parse(reader.GetString(0))] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        return touches;
    }

    /// <summary>
    /// Distinct visitors per funnel step, in order, of the visitors whose first product.view is in the range: a step
    /// counts when the visitor reached it (its first such event at or after the previous step: server events of one
    /// checkout share a timestamp, hence "at") before the range's end.
    /// </summary>
    public async Task<long[]> FunnelAsync(ReportRange range, CancellationToken cancellationToken)
    {
        await rollups.CatchUpAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("""
            SELECT count(*), count(*) FILTER (WHERE added_at < @to), count(*) FILTER (WHERE checkout_started_at < @to),
                   count(*) FILTER (WHERE checkout_completed_at < @to), count(*) FILTER (WHERE paid_at < @to)
              FROM event_visitors
             WHERE viewed_at >= @from AND viewed_at < @to
            """);
        AddRange(command, range);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return [.. Enumerable.Range(0, FunnelSteps.Count).Select(reader.GetInt64)];
    }

    /// <summary>product.view and cart.add events per product.</summary>
    public async Task<Dictionary<Guid, (long Views, long Adds)>> ProductActivityAsync(ReportRange range, CancellationToken cancellationToken)
    {
        await rollups.CatchUpAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("""
            SELECT product_id, sum(views)::bigint, sum(adds)::bigint
              FROM event_product_days
             WHERE day >= @first_day AND day <= @last_day
             GROUP BY product_id
            HAVING sum(views) > 0 OR sum(adds) > 0
            """);
        command.Parameters.AddWithValue("first_day", range.From);
        command.Parameters.AddWithValue("last_day", range.To);
        var activity = new Dictionary<Guid, (long, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            activity[reader.GetGuid(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        }

        return activity;
    }

    private static void AddRange(NpgsqlCommand command, ReportRange range)
    {
        command.Parameters.AddWithValue("from", range.Start);
        command.Parameters.AddWithValue("to", range.End);
    }
}
