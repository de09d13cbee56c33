using SbbCommerce.Api.Modules.Events.Writing;

namespace SbbCommerce.UnitTests.Events;

public sealed class EventDrainRateTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Given_commits_within_the_last_second_When_the_rate_is_read_Then_it_is_their_sum()
    {
        var rate = new EventDrainRate(_clock);
        rate.Committed(1000);
        _clock.Advance(TimeSpan.FromMilliseconds(450));
        rate.Committed(2500);
        _clock.Advance(TimeSpan.FromMilliseconds(400));

        Assert.Equal(3500, rate.PerSecond());
    }

    [Fact]
    public void Given_commits_older_than_a_second_When_the_rate_is_read_Then_they_no_longer_count()
    {
        var rate = new EventDrainRate(_clock);
        rate.Committed(1000);
        _clock.Advance(TimeSpan.FromMilliseconds(600));
        rate.Committed(200);
        _clock.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Equal(200, rate.PerSecond());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, rate.PerSecond());
    }

    [Fact]
    public void Given_a_bucket_slot_reused_a_second_later_When_committed_Then_the_old_count_is_not_carried_over()
    {
        var rate = new EventDrainRate(_clock);
        rate.Committed(700);
        _clock.Advance(TimeSpan.FromSeconds(1));
        rate.Committed(5);

        Assert.Equal(5, rate.PerSecond());
    }

    [Theory]
    [InlineData(0, 5000, 200_000, 5000)]          // nothing measured yet: one batch's worth
    [InlineData(30_000, 5000, 200_000, 15_000)]   // half a second of 30,000/s
    [InlineData(1_000_000, 5000, 200_000, 200_000)] // never above the memory bound
    [InlineData(30_000, 5000, 120, 120)]          // a ceiling below the floor wins
    public void Given_a_measured_rate_When_the_capacity_is_asked_Then_it_is_the_rate_scaled_to_the_delay_within_floor_and_ceiling(
        int committedLastSecond, long floor, long ceiling, long expected)
    {
        var rate = new EventDrainRate(_clock);
        rate.Committed(committedLastSecond);

        Assert.Equal(expected, rate.Capacity(TimeSpan.FromMilliseconds(500), floor, ceiling));
    }
}
