using System.Net.Sockets;

namespace SbbCommerce.Bench.Running.RawHttp;

/// <summary>One kept-alive connection of <see cref="RawHttpRunner"/> and the request it carries (one at a time, no pipelining).</summary>
internal sealed class RawConnection(int index) : IDisposable
{
    public int Index { get; } = index;

    /// <summary>Null until the first request and after a failure (the next request connects again).</summary>
    public Socket? Socket { get; set; }

    public RawRequest? Request { get; private set; }

    /// <summary>Bytes of <see cref="Request"/> the socket has taken.</summary>
    public int Sent { get; set; }

    /// <summary>When the request's latency counts from (Stopwatch timestamp): when it was due, on a schedule.</summary>
    public long SentAt { get; private set; }

    /// <summary>Stopwatch timestamp after which the request has timed out.</summary>
    public long Deadline { get; private set; }

    public bool Measured { get; private set; }

    public bool Busy => Request is not null;

    public HttpResponseReader Response { get; } = new();

    public void Start(RawRequest request, long sentAt, bool measured, long deadline)
    {
        Request = request;
        Sent = 0;
        SentAt = sentAt;
        Measured = measured;
        Deadline = deadline;
    }

    public void Finish() => Request = null;

    /// <summary>Closes the socket; the connection is opened again for its next request.</summary>
    public void Dispose()
    {
        Socket?.Dispose();
        Socket = null;
        Response.Reset();
    }
}
