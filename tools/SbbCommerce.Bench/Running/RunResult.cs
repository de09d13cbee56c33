using System.Text.Json.Nodes;
using SbbCommerce.Bench.Scenarios;

namespace SbbCommerce.Bench.Running;

/// <summary>The figures of one scenario run; serialized as is into the result file.</summary>
internal sealed record RunResult
{
    public required string Scenario { get; init; }

    public required string? Target { get; init; }

    public required int Concurrency { get; init; }

    public required double WarmupSeconds { get; init; }

    /// <summary>From the end of the warm-up until the last in-flight request finished.</summary>
    public required double MeasuredSeconds { get; init; }

    /// <summary>"duration", "requests", "time-cap", "request-cap" or "cancelled".</summary>
    public required string StopReason { get; init; }

    public required long WarmupRequests { get; init; }

    /// <summary>Measured requests that finished: HTTP responses plus transport errors.</summary>
    public required long Requests { get; init; }

    /// <summary>Measured requests that got an HTTP status, whatever it was.</summary>
    public required long Responses { get; init; }

    /// <summary>Responses whose status the scenario does not count as success (by default: not 2xx).</summary>
    public required long UnexpectedResponses { get; init; }

    /// <summary>Requests that got no HTTP status: refused, reset, timed out.</summary>
    public required long TransportErrors { get; init; }

    /// <summary>HTTP responses per second over the measured window (transport errors excluded).</summary>
    public required double ThroughputRps { get; init; }

    /// <summary>Null when no request got a response.</summary>
    public required LatencySummary? LatencyMs { get; init; }

    /// <summary>Counts keyed by status code ("200") or transport error ("error:TaskCanceledException").</summary>
    public required IReadOnlyDictionary<string, long> Outcomes { get; init; }

    public IReadOnlyDictionary<string, JsonNode?> Figures { get; init; } = new Dictionary<string, JsonNode?>();

    public Verification Verification { get; init; } = Verification.Skipped;
}
