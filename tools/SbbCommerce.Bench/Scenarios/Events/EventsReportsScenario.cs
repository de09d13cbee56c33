using System.Diagnostics;
using System.Globalization;
using SbbCommerce.Bench.Scenarios.Commerce;

namespace SbbCommerce.Bench.Scenarios.Events;

/// <summary>
/// The three admin reports over a large event history. Set-up makes sure the database holds <c>--events</c> synthetic
/// events (default 10 million; <see cref="SyntheticEvents"/>, COPYed in, so only what is missing is added and a
/// second run reuses them), then times each report alone, one request at a time (a warm-up, then
/// <see cref="TimedRounds"/>: figures <c>attributionMs</c>, <c>funnelMs</c>, <c>productsMs</c> as median and max).
/// The load phase cycles the three reports over the synthetic window from every worker.
/// </summary>
internal sealed class EventsReportsScenario : ScenarioBase
{
    public const long DefaultEvents = 10_000_000;
    private const int TimedRounds = 5;

    private string _adminToken = string.Empty;
    private Uri[] _reports = [];

    public override string Name => "events-reports";

    public override string Description =>
        "GET the attribution, funnel and products reports over --events synthetic events (default 10,000,000, COPYed in set-up once); " +
        "times each report alone, then cycles them.";

    public override async Task SetUpAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wanted = context.Options.Events ?? DefaultEvents;
        var windowStart = SyntheticEvents.WindowStart(DateTimeOffset.UtcNow);
        var present = await SyntheticEvents.CountAsync(context.Database, cancellationToken).ConfigureAwait(false);
        if (present < wanted)
        {
            context.Log($"{Name}: {present:N0} synthetic events present; COPYing {wanted - present:N0} more");
            var copying = Stopwatch.StartNew();
            var added = await SyntheticEvents.CopyAsync(context.Database, BenchSeed.NewRunId(), wanted - present, windowStart, context.Log, cancellationToken)
                .ConfigureAwait(false);
            context.Figures.Set("copiedEvents", added);
            context.Figures.Set("copyEventsPerSecond", Math.Round(added / copying.Elapsed.TotalSeconds));
            present += added;
        }

        context.Figures.Set("syntheticEvents", present);
        await FoldPendingAsync(context, cancellationToken).ConfigureAwait(false);
        await SetSizesAsync(context, cancellationToken).ConfigureAwait(false);

        var signer = BenchTokenSigner.For(context.Options);
        var admin = await BenchSeed.FindFirstAdminAsync(context, cancellationToken).ConfigureAwait(false);
        var session = (await BenchSeed.StartSessionsAsync(context, [admin.UserId], cancellationToken).ConfigureAwait(false))[0];
        _adminToken = signer.Sign(admin.UserId, admin.Email, admin.Role, session);
        var range = string.Create(CultureInfo.InvariantCulture, $"from={windowStart:yyyy-MM-dd}&to={windowStart.AddDays(SyntheticEvents.Days - 1):yyyy-MM-dd}");
        context.Figures.Set("range", range);
        _reports =
        [
            new Uri(context.ApiBaseUrl, $"api/v1/admin/analytics/attribution?{range}&groupBy=source&model=first_touch"),
            new Uri(context.ApiBaseUrl, $"api/v1/admin/analytics/funnel?{range}"),
            new Uri(context.ApiBaseUrl, $"api/v1/admin/analytics/products?{range}"),
        ];
        Target = new Uri(context.ApiBaseUrl, "api/v1/admin/analytics/");
        foreach (var (report, name) in _reports.Zip(["attribution", "funnel", "products"]))
        {
            await TimeAsync(context, report, name, cancellationToken).ConfigureAwait(false);
        }
    }

    public override HttpRequestMessage CreateRequest(int workerIndex, long iteration) => Get(_reports[iteration % _reports.Length]);

    private HttpRequestMessage Get(Uri report)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, report);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _adminToken);
        return request;
    }

    private async Task TimeAsync(BenchContext context, Uri report, string name, CancellationToken cancellationToken)
    {
        var timings = new List<double>();
        for (var round = 0; round <= TimedRounds; round++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await context.Http.SendAsync(Get(report), cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{report} answered {(int)response.StatusCode}: {body}");
            }

            if (round > 0)
            {
                timings.Add(elapsed);
            }
        }

        timings.Sort();
        context.Figures.Set($"{name}MsMedian", Math.Round(timings[timings.Count / 2], 1));
        context.Figures.Set($"{name}MsMax", Math.Round(timings[^1], 1));
        context.Log(string.Create(CultureInfo.InvariantCulture, $"{Name}: {name} median {timings[timings.Count / 2]:0.0} ms, max {timings[^1]:0.0} ms"));
    }

    // The COPY left its events noted for the rollups (migration 0097); fold them here, not in the first timed report.
    private async Task FoldPendingAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var folding = Stopwatch.StartNew();
        long total = 0;
        int folded;
        do
        {
            await using var command = context.Database.CreateCommand("SELECT event_rollups_fold(100000, true)");
            command.CommandTimeout = 600;
            folded = (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            total += folded;
        }
        while (folded > 0);

        if (total > 0)
        {
            context.Figures.Set("foldedEvents", total);
            context.Figures.Set("foldEventsPerSecond", Math.Round(total / folding.Elapsed.TotalSeconds));
            context.Log(string.Create(CultureInfo.InvariantCulture, $"{Name}: folded {total:N0} pending events into the rollups in {folding.Elapsed.TotalSeconds:0.0} s"));
        }
    }

    private static async Task SetSizesAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await using var command = context.Database.CreateCommand(
            "SELECT (SELECT count(*) FROM event_visitors), (SELECT count(*) FROM event_product_days)");
        command.CommandTimeout = 600;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        context.Figures.Set("visitorRows", reader.GetInt64(0));
        context.Figures.Set("productDayRows", reader.GetInt64(1));
    }
}
