using System.Collections.Concurrent;

namespace SbbCommerce.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the database commands one HTTP request sends, deterministically (wall-clock figures on a shared machine are
/// noise; round trips are not). Listens to Npgsql's activities (one per command or batch executed, EF Core's and
/// raw Npgsql's alike) and to ASP.NET Core's request activity, and keeps the commands of the traces sent through
/// <see cref="Send"/> only: the request carries a <c>traceparent</c> of its own, so the tests running in parallel
/// and the host's background loops (outbox, listeners) never count. A COMMIT is not a command to Npgsql's
/// tracing; the tests say how many transactions a request commits next to the pinned count.
/// </summary>
internal sealed class DatabaseRoundTrips : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<string>> _commands = new();

    public DatabaseRoundTrips()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Sends the request under a new trace and returns the response with the SQL of every command it ran.</summary>
    public async Task<(HttpResponseMessage Response, IReadOnlyList<string> Commands)> Send(HttpClient client, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        var traceId = ActivityTraceId.CreateRandom();
        _commands[traceId] = new ConcurrentQueue<string>();
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var response = await client.SendAsync(request);
        _ = await response.Content.ReadAsByteArrayAsync();
        return (response, _commands.TryRemove(traceId, out var commands) ? commands.ToList() : []);
    }

    private void Record(Activity activity)
    {
        if (activity.Source.Name == "Npgsql" && _commands.TryGetValue(activity.TraceId, out var commands))
        {
            var text = activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement") ?? activity.DisplayName;
            commands.Enqueue(text.ToString() ?? string.Empty);
        }
    }

    public void Dispose() => _listener.Dispose();
}
