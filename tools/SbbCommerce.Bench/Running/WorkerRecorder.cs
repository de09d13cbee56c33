using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;

namespace SbbCommerce.Bench.Running;

/// <summary>One worker's samples; owned by that worker alone, so recording needs no locks.</summary>
internal sealed class WorkerRecorder
{
    // Status codes as dictionary keys without a string allocation per request.
    private static readonly string[] StatusKeys = Enumerable.Range(0, 600).Select(code => code.ToString(CultureInfo.InvariantCulture)).ToArray();

    private readonly List<long> _latencyTimestampTicks = new(capacity: 4096);
    private readonly Dictionary<string, long> _outcomes = new(StringComparer.Ordinal);

    public long WarmupRequests { get; private set; }

    public long UnexpectedResponses { get; private set; }

    public long TransportErrors { get; private set; }

    /// <summary>Latencies of the measured HTTP responses, in Stopwatch ticks.</summary>
    public IReadOnlyList<long> LatencyTimestampTicks => _latencyTimestampTicks;

    /// <summary>Status code ("200") or transport error ("error:HttpRequestException:ConnectionError") counts.</summary>
    public IReadOnlyDictionary<string, long> Outcomes => _outcomes;

    public void RecordWarmup() => WarmupRequests++;

    public void RecordResponse(HttpStatusCode statusCode, bool expected, long elapsedTimestampTicks)
    {
        _latencyTimestampTicks.Add(elapsedTimestampTicks);
        var code = (int)statusCode;
        Count(code is >= 0 and < 600 ? StatusKeys[code] : code.ToString(CultureInfo.InvariantCulture));
        if (!expected)
        {
            UnexpectedResponses++;
        }
    }

    public void RecordTransportError(Exception exception)
    {
        TransportErrors++;
        Count(ErrorKey(exception));
    }

    private static string ErrorKey(Exception exception) => exception switch
    {
        // HttpRequestError tells refused connections from resets and protocol errors.
        HttpRequestException { HttpRequestError: var error } => $"error:{nameof(HttpRequestException)}:{error}",

        // HttpClient.Timeout surfaces as TaskCanceledException (its inner exception is a TimeoutException).
        _ => "error:" + exception.GetType().Name,
    };

    private void Count(string key) => CollectionsMarshal.GetValueRefOrAddDefault(_outcomes, key, out _)++;
}
