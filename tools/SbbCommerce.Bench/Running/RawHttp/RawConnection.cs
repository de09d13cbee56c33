using System.Net.Sockets;

namespace SbbCommerce.Bench.Running.RawHttp;

/// <summary>One kept-alive connection of <see cref="RawHttpRunner"/> and the request it carries (one at a time, no pipelining).</summary>
internal sealed class RawConnection(int index)
{
    public int Index { get; } = index;

    /// <summary>Null until the first request, after a failure and after the server closed it (the next request connects again).</summary>
    public Socket? Socket { get; set; }

    public RawRequest? Request { get; private set; }

    /// <summary>Bytes of <see cref="Request"/> the socket has taken.</summary>
    public int Sent { get; set; }

    /// <summary>When the request's latency counts from (Stopwatch timestamp): when it was due, on a schedule.</summary>
    public long DueAt { get; private set; }

    /// <summary>Stopwatch timestamp after which the request has timed out.</summary>
    public long Deadline { get; private set; }

    public bool Measured { get; private set; }

    public bool Busy => Request is not null;

    public HttpResponseReader Response { get; } = new();

    public void Start(RawRequest request, long dueAt, bool measured, long deadline)
    {
        Request = request;
        Sent = 0;
        DueAt = dueAt;
        Measured = measured;
        Deadline = deadline;
    }

    public void Finish() => Request = null;

    /// <summary>Closes the socket; the connection is opened again for its next request.</summary>
    public void Close()
    {
        Socket?.Dispose();
        Socket = null;
        Response.Reset();
    }
}
