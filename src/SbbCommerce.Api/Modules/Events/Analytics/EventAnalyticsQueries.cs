using Npgsql;

namespace SbbCommerce.Api.Modules.Events.Analytics;

/// <summary>
/// The reports' SQL over <c>events</c> (raw SQL: DISTINCT ON and FILTER aggregates that EF cannot express well).
/// A visitor is <c>coalesce(user_id, anonymous_id)</c>: once stitching gave a visitor's anonymous events to the user,
/// the user and those events are one visitor. A "touch" is an event carrying any of utm_source/medium/campaign.
/// </summary>
internal sealed class EventAnalyticsQueries(NpgsqlDataSource dataSource)
{
    public static readonly IReadOnlyList<string> FunnelSteps = ["product.view", "cart.add", "checkout.started", "checkout.completed", "payment.completed"];

    /// <summary>Whitelisted: the column a groupBy names (never user text in SQL).</summary>
    public static readonly IReadOnlyDictionary<string, string> GroupColumns = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["source"] = "utm_source",
        ["medium"] = "utm_medium",
        ["campaign"] = "utm_campaign",
    };

    /// <summary>Visitors and signups per touch value (null: no touch).</summary>
    public async Task<List<(string? Key, long Visitors, long Signups)>> VisitorsByTouchAsync(
        ReportRange range, string column, bool firstTouch, CancellationToken cancellationToken)
    {
        var direction = firstTouch ? "ASC" : "DESC";
        await using var command = dataSource.CreateCommand($"""
            WITH scoped AS (
                SELECT coalesce(user_id::text, anonymous_id) AS visitor, event_name, utm_source, utm_medium, utm_campaign, created_at, id
                  FROM events WHERE created_at >= @from AND created_at < @to),
            touch AS (
                SELECT DISTINCT ON (visitor) visitor, {column} AS key
                  FROM scoped WHERE num_nonnulls(utm_source, utm_medium, utm_campaign) > 0
                 ORDER BY visitor, created_at {direction}, id {direction}),
            visitors AS (SELECT DISTINCT visitor FROM scoped),
            signups AS (SELECT DISTINCT visitor FROM scoped WHERE event_name = 'user.signup.completed')
            SELECT t.key, count(*), count(s.visitor)
              FROM visitors v LEFT JOIN touch t USING (visitor) LEFT JOIN signups s USING (visitor)
             GROUP BY t.key
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

    /// <summary>Each user's first touch value in the range (users without a touch are absent).</summary>
    public async Task<Dictionary<Guid, string?>> FirstTouchOfUsersAsync(
        ReportRange range, string column, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT DISTINCT ON (user_id) user_id, {column}
              FROM events
             WHERE user_id = ANY(@users) AND created_at >= @from AND created_at < @to
               AND num_nonnulls(utm_source, utm_medium, utm_campaign) > 0
             ORDER BY user_id, created_at, id
            """);
        AddRange(command, range);
        command.Parameters.AddWithValue("users", userIds.ToArray());
        var touches = new Dictionary<Guid, string?>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            touches[reader.GetGuid(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        return touches;
    }

    /// <summary>
    /// Distinct visitors per funnel step, in order: a visitor reaches a step with its first such event at or after
    /// the moment they reached the previous step (server events of one checkout share a timestamp, hence "at").
    /// </summary>
    public async Task<long[]> FunnelAsync(ReportRange range, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH e AS (
                SELECT coalesce(user_id::text, anonymous_id) AS visitor, event_name, created_at
                  FROM events WHERE created_at >= @from AND created_at < @to AND event_name = ANY(@steps)),
            s1 AS (SELECT visitor, min(created_at) AS at FROM e WHERE event_name = @s1 GROUP BY visitor),
            s2 AS (SELECT e.visitor, min(e.created_at) AS at FROM e JOIN s1 USING (visitor) WHERE e.event_name = @s2 AND e.created_at >= s1.at GROUP BY e.visitor),
            s3 AS (SELECT e.visitor, min(e.created_at) AS at FROM e JOIN s2 USING (visitor) WHERE e.event_name = @s3 AND e.created_at >= s2.at GROUP BY e.visitor),
            s4 AS (SELECT e.visitor, min(e.created_at) AS at FROM e JOIN s3 USING (visitor) WHERE e.event_name = @s4 AND e.created_at >= s3.at GROUP BY e.visitor),
            s5 AS (SELECT e.visitor, min(e.created_at) AS at FROM e JOIN s4 USING (visitor) WHERE e.event_name = @s5 AND e.created_at >= s4.at GROUP BY e.visitor)
            SELECT (SELECT count(*) FROM s1), (SELECT count(*) FROM s2), (SELECT count(*) FROM s3), (SELECT count(*) FROM s4), (SELECT count(*) FROM s5)
            """);
        AddRange(command, range);
        command.Parameters.AddWithValue("steps", FunnelSteps.ToArray());
        for (var step = 0; step < FunnelSteps.Count; step++)
        {
            command.Parameters.AddWithValue($"s{step + 1}", FunnelSteps[step]);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return [.. Enumerable.Range(0, FunnelSteps.Count).Select(reader.GetInt64)];
    }

    /// <summary>product.view and cart.add events per product.</summary>
    public async Task<Dictionary<Guid, (long Views, long Adds)>> ProductActivityAsync(ReportRange range, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT product_id, count(*) FILTER (WHERE event_name = 'product.view'), count(*) FILTER (WHERE event_name = 'cart.add')
              FROM events
             WHERE created_at >= @from AND created_at < @to AND product_id IS NOT NULL AND event_name IN ('product.view', 'cart.add')
             GROUP BY product_id
            """);
        AddRange(command, range);
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
