using Microsoft.Extensions.DependencyInjection;
using SbbCommerce.Api.Common.Telemetry;
using SbbCommerce.Api.Modules.Events;
using SbbCommerce.Api.Modules.Events.Writing;

namespace SbbCommerce.UnitTests.Events;

/// <summary>
/// The refusal ingest gives before it reads a body (<see cref="EventWriteQueue.WouldRefuse"/>): the body's events are
/// counted at the bytes per event of the requests read before, and only a request that would not fit is refused.
/// </summary>
public sealed class EventWriteQueueSheddingTests
{
    private const int BytesPerEvent = 200;

    // Capacity 100 events: the memory bound; with nothing committed the time bound is its floor of one write batch (100).
    private readonly EventWriteQueue _queue = new(
        Options.Create(new EventsOptions { QueueCapacity = 100, WriteBatchSize = 100 }),
        new EventDrainRate(new FakeTimeProvider()),
        new ServiceCollection().AddMetrics().AddSingleton<SbbMetrics>().BuildServiceProvider().GetRequiredService<SbbMetrics>());

    [Fact]
    public void Given_no_request_read_yet_When_asked_Then_nothing_is_refused_unread()
    {
        Assert.True(_queue.TryEnqueue(Batch(100)));

        Assert.False(_queue.WouldRefuse(50 * BytesPerEvent));
    }

    [Fact]
    public void Given_an_empty_queue_When_asked_Then_nothing_is_refused_unread()
    {
        _queue.Observe(10 * BytesPerEvent, 10);

        Assert.False(_queue.WouldRefuse(10_000 * BytesPerEvent));
    }

    [Theory]
    [InlineData(70, 30, false)]
    [InlineData(70, 31, true)]
    [InlineData(99, 1, false)]
    [InlineData(100, 1, true)]
    public void Given_queued_events_When_a_body_of_so_many_events_arrives_Then_it_is_refused_only_when_it_would_not_fit(
        int queued, int events, bool refused)
    {
        _queue.Observe(10 * BytesPerEvent, 10);
        Assert.True(_queue.TryEnqueue(Batch(queued)));

        Assert.Equal(refused, _queue.WouldRefuse(events * BytesPerEvent));
        Assert.Equal(refused, !_queue.TryEnqueue(Batch(events)));
    }

    [Fact]
    public void Given_a_body_without_a_length_When_asked_Then_it_is_read_and_judged_by_its_events()
    {
        _queue.Observe(10 * BytesPerEvent, 10);
        Assert.True(_queue.TryEnqueue(Batch(100)));

        Assert.False(_queue.WouldRefuse(null));
    }

    private static QueuedBatch Batch(int events) => new(Enumerable.Repeat(Row, events).ToList());

    private static readonly EventRow Row = new(
        Guid.NewGuid(), "page.view", "page", null, "visitor", "session", null, null, null, null, null, null, null, null,
        null, null, null, null, "{}", null, null, null, null, null, null, null, null, DateTimeOffset.UnixEpoch);
}
