using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SbbCommerce.Bench.Cli;

namespace SbbCommerce.Bench.Running.RawHttp;

/// <summary>
/// The load of a scenario whose requests are fixed bytes (events-ingest), driven by one thread over non-blocking
/// sockets and poll: no HttpClient, no task, timer or thread-pool wake-up per request. The bench shares the machine's
/// two cores with the host and PostgreSQL it measures; through HttpClient the burst's 500 requests a second cost it a
/// quarter of a core (0.3-0.5 ms of CPU a request, most of it threads waking each other), CPU the host lost and the
/// storefront's browsers, each on a machine of its own, would never take from it. Same window and schedule as
/// <see cref="LoadRunner"/>: <see cref="BenchOptions.Concurrency"/> connections, a warm-up, then a measured window
/// bounded by time or count, open-loop when <see cref="BenchOptions.RequestsPerSecond"/> is set (a late request is
/// timed from when it was due). Cancelling abandons the requests in flight, as LoadRunner's cancelled workers do.
/// </summary>
internal sealed class RawHttpRunner(BenchOptions options, IRawHttpScenario scenario)
{
    /// <summary>The longest poll: how soon cancellation and request time-outs are noticed.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromMilliseconds(20);

    private readonly WorkerRecorder _recorder = new();
    private readonly Dictionary<Socket, RawConnection> _bySocket = [];
    private readonly List<Socket> _readable = [];
    private readonly List<Socket> _writable = [];
    private IPAddress[] _addresses = [];
    private int _port;
    private long _startedAt;
    private long _measureFrom;
    private long _stopAt;
    private long _slot;
    private long _measuredIssued;
    private int _nextConnection;
    private long _sequence;

    /// <summary>Runs the load on a thread of its own (long-running: the thread pool is not blocked); a failure faults the task.</summary>
    public Task<RunResult> RunAsync(CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Run(cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private RunResult Run(CancellationToken cancellationToken)
    {
        if (options.MaxRequestsPerWorker is not null)
        {
            throw new NotSupportedException($"{nameof(RawHttpRunner)} has no per-worker limit ({scenario.Name}).");
        }

        var target = scenario.Target ?? throw new InvalidOperationException($"{scenario.Name} has no target after set-up.");
        _addresses = Dns.GetHostAddresses(target.DnsSafeHost);
        _port = target.Port;
        var connections = Enumerable.Range(0, options.Concurrency).Select(index => new RawConnection(index)).ToArray();
        _startedAt = Stopwatch.GetTimestamp();
        _measureFrom = _startedAt + Ticks(options.Warmup);
        _stopAt = _measureFrom + Ticks(options.Duration ?? options.MaxDuration);
        try
        {
            string? stopReason = null;
            while (stopReason is null || connections.Any(connection => connection.Busy))
            {
                var now = Stopwatch.GetTimestamp();
                if (cancellationToken.IsCancellationRequested)
                {
                    // Abandoned, as LoadRunner's cancelled workers abandon theirs: neither a sample nor an error.
                    stopReason = "cancelled";
                    break;
                }

                long? nextDue = null;
                if (stopReason is null)
                {
                    (stopReason, nextDue) = IssueDue(connections, now);
                }

                Wait(connections, nextDue, now);
                ExpireTimedOut(connections);
            }

            var measuredSeconds = Math.Max(0, Stopwatch.GetElapsedTime(_measureFrom).TotalSeconds);
            return LoadRunner.Summarize(scenario, options, [_recorder], measuredSeconds, stopReason ?? throw new UnreachableException());
        }
        finally
        {
            foreach (var connection in connections)
            {
                connection.Close();
            }
        }
    }

    /// <summary>
    /// Sends every request that is due on a free connection (taken in turn, so none idles long enough for the server to
    /// close it); returns why the run stops issuing, if it does, and when the next request falls due on a schedule.
    /// </summary>
    private (string? StopReason, long? NextDue) IssueDue(RawConnection[] connections, long now)
    {
        var interval = options.RequestsPerSecond is { } rate ? Stopwatch.Frequency / rate : (double?)null;
        var requestLimit = options.Requests ?? options.MaxRequests;
        for (var tried = 0; tried < connections.Length; tried++)
        {
            var connection = connections[(_nextConnection + tried) % connections.Length];
            if (connection.Busy)
            {
                continue;
            }

            if (now >= _stopAt)
            {
                return (options.Duration is null ? "time-cap" : "duration", null);
            }

            long? due = interval is { } ticks ? _startedAt + (long)(_slot * ticks) : null;
            if (due >= _stopAt)
            {
                return (options.Duration is null ? "time-cap" : "duration", null);
            }

            if (due > now)
            {
                return (null, due);
            }

            var measured = now >= _measureFrom;
            if (measured && _measuredIssued >= requestLimit)
            {
                return (options.Requests is null ? "request-cap" : "requests", null);
            }

            _slot++;
            _measuredIssued += measured ? 1 : 0;
            _nextConnection = (connection.Index + 1) % connections.Length;
            Send(connection, scenario.CreateRawRequest(connection.Index, _sequence++), due ?? now, measured);
        }

        return (null, null);
    }

    private void Send(RawConnection connection, RawRequest request, long dueAt, bool measured)
    {
        // The time-out counts from the send, as HttpClient's does; the latency from when the request was due.
        connection.Start(request, dueAt, measured, Stopwatch.GetTimestamp() + Ticks(options.RequestTimeout));
        if (connection.Socket is { } open && open.Poll(0, SelectMode.SelectRead))
        {
            // Readable while idle: the server closed it (keep-alive time-out) or sent what nobody asked for.
            Drop(connection);
        }

        if (connection.Socket is null && !TryConnect(connection))
        {
            return;
        }

        ContinueSending(connection);
    }

    /// <summary>Opens the connection to the first of the target's addresses that answers (localhost may be ::1 or 127.0.0.1).</summary>
    private bool TryConnect(RawConnection connection)
    {
        SocketException? refused = null;
        foreach (var address in _addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                // Loopback (LoopbackGuard): connecting blocks for no time worth a state of its own.
                socket.Connect(address, _port);
                socket.Blocking = false;
                connection.Socket = socket;
                _bySocket[socket] = connection;
                return true;
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                refused = exception;
            }
        }

        Fail(connection, refused ?? new SocketException((int)SocketError.HostNotFound));
        return false;
    }

    /// <summary>Sends what the socket takes now; the rest when poll says it is writable again.</summary>
    private void ContinueSending(RawConnection connection)
    {
        var bytes = connection.Request!.Bytes;
        while (connection.Sent < bytes.Length)
        {
            var sent = connection.Socket!.Send(bytes, connection.Sent, bytes.Length - connection.Sent, SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
            {
                return;
            }

            if (error != SocketError.Success)
            {
                Fail(connection, new SocketException((int)error));
                return;
            }

            connection.Sent += sent;
        }
    }

    private void Wait(RawConnection[] connections, long? nextDue, long now)
    {
        _readable.Clear();
        _writable.Clear();
        foreach (var connection in connections)
        {
            if (connection.Busy)
            {
                (connection.Sent < connection.Request!.Bytes.Length ? _writable : _readable).Add(connection.Socket!);
            }
        }

        // Whole milliseconds, rounded up: poll(2) and Thread.Sleep count in them, and a wait rounded down to 0 would spin
        // until the next request is due (the schedule is absolute, so waking up to a millisecond late delays nothing after).
        var wait = nextDue is { } due ? Stopwatch.GetElapsedTime(now, due) : LongestWait;
        var milliseconds = (int)Math.Ceiling(Math.Clamp(wait.TotalMilliseconds, 0, LongestWait.TotalMilliseconds));
        if (_readable.Count + _writable.Count == 0)
        {
            // Nothing in flight, so no socket to poll: this thread is the load's clock and waits for the next request's turn.
            Thread.Sleep(milliseconds);
            return;
        }

        Socket.Select(_readable, _writable, null, milliseconds * 1000);
        foreach (var socket in _writable)
        {
            ContinueSending(_bySocket[socket]);
        }

        foreach (var socket in _readable)
        {
            Receive(_bySocket[socket]);
        }
    }

    private void Receive(RawConnection connection)
    {
        var space = connection.Response.FreeSpace();
        var received = connection.Socket!.Receive(space.Array!, space.Offset, space.Count, SocketFlags.None, out var error);
        if (error == SocketError.WouldBlock)
        {
            return;
        }

        if (error != SocketError.Success || received == 0)
        {
            Fail(connection, error != SocketError.Success ? new SocketException((int)error) : new IOException("The server closed the connection."));
            return;
        }

        connection.Response.Advance(received);
        int? status;
        bool closes;
        try
        {
            status = connection.Response.TryTake(out closes);
        }
        catch (InvalidDataException malformed)
        {
            Fail(connection, malformed);
            return;
        }

        if (status is not { } code)
        {
            return;
        }

        var statusCode = (HttpStatusCode)code;
        scenario.OnRawResponse(connection.Request!, statusCode);
        if (connection.Measured)
        {
            _recorder.RecordResponse(statusCode, scenario.IsExpected(statusCode), Stopwatch.GetTimestamp() - connection.DueAt);
        }
        else
        {
            _recorder.RecordWarmup();
        }

        connection.Finish();
        if (closes)
        {
            Drop(connection);
        }
    }

    private void ExpireTimedOut(RawConnection[] connections)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var connection in connections)
        {
            if (connection.Busy && now > connection.Deadline)
            {
                Fail(connection, new TimeoutException($"No answer within {options.RequestTimeout.TotalSeconds:0} s."));
            }
        }
    }

    /// <summary>A failed request is a result to count (refused, reset, timed out); its connection is replaced.</summary>
    private void Fail(RawConnection connection, Exception exception)
    {
        if (connection.Measured)
        {
            _recorder.RecordTransportError(exception);
        }
        else
        {
            _recorder.RecordWarmup();
        }

        connection.Finish();
        Drop(connection);
    }

    private void Drop(RawConnection connection)
    {
        if (connection.Socket is { } socket)
        {
            _bySocket.Remove(socket);
        }

        connection.Close();
    }

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
