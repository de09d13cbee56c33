using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SbbCommerce.Bench.Cli;
using SbbCommerce.Bench.Running.RawHttp;
using SbbCommerce.Bench.Scenarios;

namespace SbbCommerce.UnitTests.Bench;

/// <summary>The bench's raw HTTP load against a real socket server that answers as Kestrel frames its answers.</summary>
public sealed class RawHttpRunnerTests
{
    private const string Accepted = "HTTP/1.1 202 Accepted\r\nContent-Length: 14\r\n\r\n{\"accepted\":1}";
    private const string OverloadedChunked =
        "HTTP/1.1 429 Too Many Requests\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n{\"a\":1\r\n1\r\n}\r\n0\r\n\r\n";

    [Fact]
    public async Task Given_a_count_bound_run_When_every_request_is_answered_Then_each_answer_is_recorded_once_with_its_status()
    {
        await using var server = new FakeHttpServer(number => number % 2 == 0 ? Accepted : OverloadedChunked);
        var scenario = new RecordingScenario(server.Uri);

        var result = await new RawHttpRunner(Options(concurrency: 4, requests: 40), scenario).RunAsync(CancellationToken.None);

        Assert.Equal(40, result.Responses);
        Assert.Equal(20, result.Outcomes["202"]);
        Assert.Equal(20, result.Outcomes["429"]);
        Assert.Equal(0, result.TransportErrors);
        Assert.Equal(40, scenario.Answers.Select(answer => answer.Tag).Distinct().Count());
        Assert.Equal(scenario.Answers.Select(answer => answer.Tag).Order(), server.Bodies.Select(BodyTag).Order());
        Assert.Equal(4, server.Connections);
    }

    [Fact]
    public async Task Given_a_server_that_closes_after_each_answer_When_run_Then_every_request_gets_a_connection_of_its_own()
    {
        await using var server = new FakeHttpServer(_ => "HTTP/1.1 202 Accepted\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        var scenario = new RecordingScenario(server.Uri);

        var result = await new RawHttpRunner(Options(concurrency: 2, requests: 10), scenario).RunAsync(CancellationToken.None);

        Assert.Equal(10, result.Outcomes["202"]);
        Assert.Equal(10, server.Connections);
    }

    [Fact]
    public async Task Given_a_connection_dropped_without_an_answer_When_run_Then_that_request_is_a_transport_error_and_the_next_reconnects()
    {
        await using var server = new FakeHttpServer(number => number == 3 ? null : Accepted);
        var scenario = new RecordingScenario(server.Uri);

        var result = await new RawHttpRunner(Options(concurrency: 1, requests: 8), scenario).RunAsync(CancellationToken.None);

        Assert.Equal(7, result.Outcomes["202"]);
        Assert.Equal(1, result.TransportErrors);
        Assert.Equal(1, result.Outcomes["error:IOException"]);
        Assert.Equal(2, server.Connections);
        Assert.Equal(7, scenario.Answers.Count);
    }

    [Fact]
    public async Task Given_a_rate_When_run_Then_request_n_is_not_sent_before_n_over_the_rate()
    {
        await using var server = new FakeHttpServer(_ => Accepted);
        var scenario = new RecordingScenario(server.Uri);
        var options = Options(concurrency: 4, requests: 11) with { RequestsPerSecond = 100 };
        var before = Stopwatch.GetTimestamp();

        var result = await new RawHttpRunner(options, scenario).RunAsync(CancellationToken.None);

        Assert.Equal(11, result.Outcomes["202"]);
        // Request 10 is due 100 ms after the start (the lower bound is what a schedule guarantees).
        var last = server.ArrivalTimestamps.Max();
        Assert.True(Stopwatch.GetElapsedTime(before, last) >= TimeSpan.FromMilliseconds(100),
            $"11 requests at 100/s all arrived within {Stopwatch.GetElapsedTime(before, last).TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Given_more_free_connections_than_requests_When_count_bound_Then_exactly_the_requests_are_sent()
    {
        await using var server = new FakeHttpServer(_ => Accepted);
        var scenario = new RecordingScenario(server.Uri);

        var result = await new RawHttpRunner(Options(concurrency: 8, requests: 3), scenario).RunAsync(CancellationToken.None);

        Assert.Equal(3, result.Responses);
        Assert.Equal(3, server.Bodies.Count);
        Assert.Equal("requests", result.StopReason);
    }

    [Fact]
    public async Task Given_a_request_never_answered_When_its_time_out_passes_Then_it_is_a_transport_error_and_the_run_goes_on()
    {
        await using var server = new FakeHttpServer(number => number == 0 ? FakeHttpServer.Hold : Accepted);
        var scenario = new RecordingScenario(server.Uri);
        var options = Options(concurrency: 1, requests: 4) with { RequestTimeout = TimeSpan.FromMilliseconds(300) };

        var result = await new RawHttpRunner(options, scenario).RunAsync(CancellationToken.None);

        Assert.Equal(1, result.Outcomes["error:TimeoutException"]);
        Assert.Equal(3, result.Outcomes["202"]);
        Assert.Equal(2, server.Connections);
    }

    private static BenchOptions Options(int concurrency, long requests) => new()
    {
        Concurrency = concurrency,
        Requests = requests,
        Duration = null,
        Warmup = TimeSpan.Zero,
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    private static string BodyTag(string body) => body.Split('"')[3];

    private sealed class RecordingScenario : ScenarioBase, IRawHttpScenario
    {
        public RecordingScenario(Uri target) => Target = target;

        public List<(string Tag, HttpStatusCode Status)> Answers { get; } = [];

        public override string Name => "raw-test";

        public override string Description => "test";

        public override Task SetUpAsync(BenchContext context, CancellationToken cancellationToken) => Task.CompletedTask;

        public override HttpRequestMessage CreateRequest(int workerIndex, long iteration) => throw new NotSupportedException();

        public override bool IsExpected(HttpStatusCode statusCode) => statusCode is HttpStatusCode.Accepted or HttpStatusCode.TooManyRequests;

        public RawRequest CreateRawRequest(int connection, long sequence)
        {
            var tag = string.Create(CultureInfo.InvariantCulture, $"{connection}-{sequence}");
            var body = $$"""{"tag":"{{tag}}"}""";
            return new RawRequest(
                Encoding.ASCII.GetBytes($"POST /events HTTP/1.1\r\nHost: {Target!.Authority}\r\nContent-Length: {body.Length}\r\n\r\n{body}"), tag);
        }

        public void OnRawResponse(RawRequest request, HttpStatusCode statusCode) => Answers.Add((request.Tag, statusCode));
    }

    /// <summary>
    /// Answers each request with the text the test gives for its number (null: drops the connection unanswered), each
    /// answer written in two pieces so the client has to put it together.
    /// </summary>
    private sealed class FakeHttpServer : IAsyncDisposable
    {
        /// <summary>The answer that is none: the connection stays open, unanswered, until the client gives up on it.</summary>
        public const string Hold = "(hold)";

        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly Func<int, string?> _answer;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;
        private int _requests = -1;
        private int _connections;

        public FakeHttpServer(Func<int, string?> answer)
        {
            _answer = answer;
            _listener.Start();
            _accepting = AcceptAsync();
        }

        public Uri Uri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/events");

        public ConcurrentQueue<string> Bodies { get; } = new();

        public ConcurrentQueue<long> ArrivalTimestamps { get; } = new();

        public int Connections => Volatile.Read(ref _connections);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            var connections = new List<Task>();
            try
            {
                while (true)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    Interlocked.Increment(ref _connections);
                    connections.Add(ServeAsync(client));
                }
            }
            catch (OperationCanceledException)
            {
                await Task.WhenAll(connections);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using var _ = client;
            var stream = client.GetStream();
            var received = new List<byte>();
            var buffer = new byte[4096];
            try
            {
                while (true)
                {
                    int headEnd;
                    while ((headEnd = IndexOfHeadEnd(received)) < 0)
                    {
                        var read = await stream.ReadAsync(buffer, _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        received.AddRange(buffer.AsSpan(0, read));
                    }

                    var head = Encoding.ASCII.GetString([.. received[..headEnd]]);
                    var length = int.Parse(head.Split("\r\n").Single(line => line.StartsWith("Content-Length:", StringComparison.Ordinal))[15..],
                        CultureInfo.InvariantCulture);
                    while (received.Count < headEnd + 4 + length)
                    {
                        var read = await stream.ReadAsync(buffer, _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        received.AddRange(buffer.AsSpan(0, read));
                    }

                    ArrivalTimestamps.Enqueue(Stopwatch.GetTimestamp());
                    Bodies.Enqueue(Encoding.ASCII.GetString([.. received.GetRange(headEnd + 4, length)]));
                    received.RemoveRange(0, headEnd + 4 + length);
                    if (_answer(Interlocked.Increment(ref _requests)) is not { } answer)
                    {
                        return;
                    }

                    if (answer == Hold)
                    {
                        // Reads until the client closes its end (a read of 0 bytes) or the test ends.
                        while (await stream.ReadAsync(buffer, _stop.Token) > 0)
                        {
                        }

                        return;
                    }

                    var bytes = Encoding.ASCII.GetBytes(answer);
                    await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), _stop.Token);
                    await stream.FlushAsync(_stop.Token);
                    await stream.WriteAsync(bytes.AsMemory(bytes.Length / 2), _stop.Token);
                    if (answer.Contains("Connection: close", StringComparison.Ordinal))
                    {
                        return;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The test is over.
            }
            catch (IOException)
            {
                // The client closed its end.
            }
        }

        private static int IndexOfHeadEnd(List<byte> bytes)
        {
            for (var index = 0; index + 3 < bytes.Count; index++)
            {
                if (bytes[index] == '\r' && bytes[index + 1] == '\n' && bytes[index + 2] == '\r' && bytes[index + 3] == '\n')
                {
                    return index;
                }
            }

            return -1;
        }
    }
}
