using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SbbCommerce.Api.Common.Telemetry;

/// <summary>
/// The business instruments, all on one meter (<see cref="MeterName"/>). Modules record through these methods
/// only (one line at the place where the thing happens), so instrument names and tags live in one file.
/// Counters count what this host did (a backend sums them across hosts); the database-wide gauges are in
/// <see cref="OperationalGauges"/>.
/// </summary>
internal sealed class SbbMetrics
{
    public const string MeterName = "SbbCommerce";

    private readonly Counter<long> _checkoutsPlaced;
    private readonly Counter<long> _checkoutsRefused;
    private readonly Counter<long> _soldOutRefusals;
    private readonly Counter<long> _eventsAccepted;
    private readonly Counter<long> _eventsDropped;
    private readonly Counter<long> _jobRuns;
    private readonly Histogram<double> _jobDuration;

    public SbbMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Meter = meterFactory.Create(MeterName);
        _checkoutsPlaced = Meter.CreateCounter<long>("sbb.checkouts.placed", "{order}", "Checkouts that placed an order.");
        _checkoutsRefused = Meter.CreateCounter<long>("sbb.checkouts.refused", "{checkout}", "Checkouts refused, by problem code.");
        _soldOutRefusals = Meter.CreateCounter<long>("sbb.checkouts.sold_out", "{checkout}",
            "Flash-sale refusals: checkouts refused because a product is sold out (source: gate = this host's memory, stock = the database).");
        _eventsAccepted = Meter.CreateCounter<long>("sbb.events.accepted", "{event}", "Tracked events queued for writing.");
        _eventsDropped = Meter.CreateCounter<long>("sbb.events.dropped", "{event}", "Tracked events not stored, by reason.");
        _jobRuns = Meter.CreateCounter<long>("sbb.jobs.runs", "{run}", "Background job runs on this host, by job and outcome.");
        _jobDuration = Meter.CreateHistogram<double>("sbb.jobs.duration", "s", "Background job run time, by job and outcome.");
    }

    /// <summary>The meter itself, for the database-wide gauges.</summary>
    public Meter Meter { get; }

    /// <summary>
    /// Counts a checkout's answer (placed, or refused with its problem code) and returns it unchanged. Requests the
    /// validation filter or the bulkhead turn away never reach checkout and are not counted here.
    /// </summary>
    public TResult Checkout<TResult>(TResult result)
        where TResult : IResult
    {
        Count(result is INestedHttpResult nested ? nested.Result : result);
        return result;
    }

    private void Count(IResult result)
    {
        switch (result)
        {
            case IStatusCodeHttpResult { StatusCode: StatusCodes.Status201Created }:
                _checkoutsPlaced.Add(1);
                break;
            case ProblemHttpResult problem:
                _checkoutsRefused.Add(1, new KeyValuePair<string, object?>("code", CodeOf(problem.ProblemDetails)));
                break;
            case ValidationProblem:
                _checkoutsRefused.Add(1, new KeyValuePair<string, object?>("code", ErrorCodes.ValidationFailed));
                break;
        }
    }

    private static string CodeOf(Microsoft.AspNetCore.Mvc.ProblemDetails problem) =>
        problem.Extensions.TryGetValue("code", out var code) && code is string text ? text : "unknown";

    /// <summary>A checkout refused because a product is sold out; <paramref name="source"/> is <c>gate</c> or <c>stock</c>.</summary>
    public void SoldOutRefusal(string source) => _soldOutRefusals.Add(1, new KeyValuePair<string, object?>("source", source));

    public void EventsAccepted(int count)
    {
        if (count > 0)
        {
            _eventsAccepted.Add(count);
        }
    }

    /// <summary>
    /// Events accepted by validation but not stored: <c>queue_full</c> (the request got 429), <c>stopping</c> (the host
    /// is shutting down), <c>write_failed</c> (the database refused them for good); and <c>shed</c>: requests refused
    /// with 429 before their body was read, counted at the estimate of their events. Invalid items are answered in
    /// the response's <c>rejected</c> list and not counted here.
    /// </summary>
    public void EventsDropped(int count, string reason)
    {
        if (count > 0)
        {
            _eventsDropped.Add(count, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    public void JobRun(string job, bool succeeded, TimeSpan elapsed)
    {
        var tags = new TagList { { "job", job }, { "outcome", succeeded ? "succeeded" : "failed" } };
        _jobRuns.Add(1, tags);
        _jobDuration.Record(elapsed.TotalSeconds, tags);
    }
}
