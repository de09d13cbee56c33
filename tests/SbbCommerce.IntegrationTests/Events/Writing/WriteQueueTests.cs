using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SbbCommerce.Api.Common.Http;
using SbbCommerce.Api.Common.Telemetry;

namespace SbbCommerce.IntegrationTests.Events.Writing;

public sealed class SmallQueueFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Events:QueueCapacity"] = "120",
        ["Events:Writers"] = "1",
    };
}

public sealed class TimeBoundQueueFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Events:QueueCapacity"] = "1000",
        ["Events:WriteBatchSize"] = "60",
        ["Events:Writers"] = "1",
    };
}

/// <summary>
/// The write queue under pressure. A transaction holding <c>LOCK TABLE events IN SHARE MODE</c> stalls the writer's
/// COPY exactly as a slow database would, so the queue fills deterministically, without timing.
/// </summary>
public sealed class WriteQueueTests(SmallQueueFixture fixture) : IClassFixture<SmallQueueFixture>
{
    [Fact]
    public async Task Given_a_stalled_writer_When_the_queue_is_full_Then_429_ingest_overloaded_and_every_accepted_event_is_written()
    {
        var (first, refused, last) = (EventsApi.NewSession(), EventsApi.NewSession(), EventsApi.NewSession());
        var visitor = fixture.Visitor($"visitor-{Guid.NewGuid():N}");
        await using var stall = await StallWritesAsync(fixture.ConnectionString);

        await (await visitor.SendAsync(Batch(first, 50), sync: false)).AcceptedAsync();
        await (await visitor.SendAsync(Batch(first, 50), sync: false)).AcceptedAsync();
        var overloaded = await visitor.SendAsync(Batch(refused, 50), sync: false);
        var lastSync = visitor.SendAsync(Batch(last, 10), sync: true);

        await overloaded.AssertProblemAsync(HttpStatusCode.TooManyRequests, "ingest_overloaded");
        Assert.Equal("1", overloaded.Headers.RetryAfter?.ToString());
        Assert.Equal(0L, await fixture.CountAsync(first));
        Assert.False(lastSync.IsCompleted, "sync=true answered before its events could be committed");

        await stall.CommitAsync();
        await (await lastSync).AcceptedAsync();

        // One writer commits in queue order: once the last batch is committed, the earlier ones are too.
        Assert.Equal(100L, await fixture.CountAsync(first));
        Assert.Equal(10L, await fixture.CountAsync(last));
        Assert.Equal(0L, await fixture.CountAsync(refused));
    }

    [Fact]
    public async Task Given_a_full_queue_When_a_request_arrives_Then_429_before_its_body_is_read()
    {
        var (filler, last) = (EventsApi.NewSession(), EventsApi.NewSession());
        var visitor = fixture.Visitor($"visitor-{Guid.NewGuid():N}");
        using var dropped = new MetricCollector<long>(
            fixture.Factory.Services.GetRequiredService<IMeterFactory>(), SbbMetrics.MeterName, "sbb.events.dropped");
        await using var stall = await StallWritesAsync(fixture.ConnectionString);
        await (await visitor.SendAsync(Batch(filler, 50), sync: false)).AcceptedAsync();
        await (await visitor.SendAsync(Batch(filler, 50), sync: false)).AcceptedAsync();
        var lastSync = visitor.SendAsync(Batch(last, 20), sync: true);

        // The queue holds 100 or 120 events (the last batch may still be on its way): a body as long as 50 events, which
        // would be a 400 if it were read, is refused unread either way.
        using var unread = await visitor.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Malformed());

        await unread.AssertProblemAsync(HttpStatusCode.TooManyRequests, "ingest_overloaded");
        Assert.Equal("1", unread.Headers.RetryAfter?.ToString());
        // The operator sees the refusal: counted as shed, at the estimate (about 50 events).
        Assert.InRange(dropped.GetMeasurementSnapshot().Where(m => Equals(m.Tags["reason"], "shed")).Sum(m => m.Value), 25, 100);
        await stall.CommitAsync();
        await (await lastSync).AcceptedAsync();
        Assert.Equal(100L, await fixture.CountAsync(filler));
        using var read = await visitor.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Malformed());
        Assert.Equal(HttpStatusCode.BadRequest, read.StatusCode);
    }

    // Cut off JSON padded to the length of a 50-event body: the queue estimates a body's events from its length.
    private static StringContent Malformed()
    {
        const string cutOff = "{\"events\": [";
        var fiftyEvents = JsonSerializer.SerializeToUtf8Bytes(Batch(EventsApi.NewSession(), 50)).Length;
        return new StringContent(cutOff.PadRight(fiftyEvents), Encoding.UTF8, "application/json");
    }

    [Fact]
    public async Task Given_queued_events_When_the_host_stops_gracefully_Then_the_writer_drains_the_queue_before_it_exits()
    {
        var connectionString = await TestDatabases.CreateAsync();
        var factory = new SbbApiFactory(connectionString, new Dictionary<string, string?> { ["Events:Writers"] = "1" });
        var session = EventsApi.NewSession();
        var visitor = factory.CreateClient();
        visitor.DefaultRequestHeaders.Add("X-Anonymous-Id", $"visitor-{Guid.NewGuid():N}");
        await using var stall = await StallWritesAsync(connectionString);
        for (var request = 0; request < 5; request++)
        {
            await (await visitor.SendAsync(Batch(session, 50), sync: false)).AcceptedAsync();
        }

        var stopping = factory.DisposeAsync().AsTask();
        Assert.False(stopping.IsCompleted, "the host stopped while its queue still held events");
        await stall.CommitAsync();
        await stopping;

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM events WHERE session_id = @s", connection);
        count.Parameters.AddWithValue("s", session);
        Assert.Equal(250L, (long)(await count.ExecuteScalarAsync())!);
    }

    /// <summary>A transaction that blocks every write to events until it commits.</summary>
    private static async Task<NpgsqlTransaction> StallWritesAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("LOCK TABLE events IN SHARE MODE", connection, transaction);
        await command.ExecuteNonQueryAsync();
        return transaction;
    }

    internal static object Batch(string session, int size) =>
        new { events = Enumerable.Range(0, size).Select(_ => EventsApi.PageView(session)).ToArray() };

    /// <summary>A transaction that blocks every write to events until it commits.</summary>
    internal static async Task<NpgsqlTransaction> StallAsync(string connectionString) => await StallWritesAsync(connectionString);
}

/// <summary>
/// The queue's time bound (<c>Events:MaxQueueDelay</c>). The bound is what the
/// writers committed over the last second; a stalled writer commits nothing, so the bound falls to its floor (one
/// write batch, 60 events here) while the memory bound (1,000) would still have room.
/// </summary>
public sealed class WriteQueueTimeBoundTests(TimeBoundQueueFixture fixture) : IClassFixture<TimeBoundQueueFixture>
{
    [Fact]
    public async Task Given_writers_that_commit_nothing_When_more_than_a_batch_waits_Then_429_although_the_memory_bound_has_room()
    {
        var (first, refused) = (EventsApi.NewSession(), EventsApi.NewSession());
        var visitor = fixture.Visitor($"visitor-{Guid.NewGuid():N}");
        await using var stall = await WriteQueueTests.StallAsync(fixture.ConnectionString);

        await (await visitor.SendAsync(WriteQueueTests.Batch(first, 50), sync: false)).AcceptedAsync();
        var overloaded = await visitor.SendAsync(WriteQueueTests.Batch(refused, 50), sync: false);

        await overloaded.AssertProblemAsync(HttpStatusCode.TooManyRequests, "ingest_overloaded");

        // What still fits beside the waiting batch (50 + 10 = the 60 of one batch) is admitted.
        var fits = EventsApi.NewSession();
        var fitting = visitor.SendAsync(WriteQueueTests.Batch(fits, 10), sync: true);
        await stall.CommitAsync();
        await (await fitting).AcceptedAsync();
        Assert.Equal(50L, await fixture.CountAsync(first));
        Assert.Equal(10L, await fixture.CountAsync(fits));
        Assert.Equal(0L, await fixture.CountAsync(refused));
    }

}

/// <summary>The writers' yield to checkouts (<c>Events:YieldToCheckout</c>), with the default two writers.</summary>
public sealed class WriteQueueYieldTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_checkouts_at_work_When_events_arrive_Then_the_writers_yield_but_still_commit_them()
    {
        var foreground = fixture.CreateScope().ServiceProvider.GetRequiredService<ForegroundWork>();
        var visitor = fixture.Visitor($"visitor-{Guid.NewGuid():N}");
        var sessions = Enumerable.Range(0, 4).Select(_ => EventsApi.NewSession()).ToArray();

        using (foreground.Enter())
        {
            Assert.True(foreground.IsBusy);
            foreach (var session in sessions)
            {
                await (await visitor.SendAsync(WriteQueueTests.Batch(session, 40), sync: true)).AcceptedAsync();
            }
        }

        Assert.False(foreground.IsBusy);
        foreach (var session in sessions)
        {
            Assert.Equal(40L, await fixture.CountAsync(session));
        }
    }
}
