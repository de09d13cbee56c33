using SbbCommerce.Api.Common.Persistence;

namespace SbbCommerce.UnitTests.Common.Persistence;

public sealed class DbClockTests
{
    [Fact]
    public void Given_a_clock_between_microseconds_When_reading_the_database_now_Then_the_ticks_below_a_microsecond_are_dropped()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 19, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));

        var now = time.GetDatabaseNow();

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 19, 0, 0, TimeSpan.Zero).AddTicks(1_234_560), now);
    }

    [Fact]
    public void Given_a_time_already_at_microseconds_When_brought_to_database_precision_Then_it_is_unchanged()
    {
        var time = new DateTimeOffset(2026, 11, 30, 19, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);

        Assert.Equal(time, DbClock.ToDatabasePrecision(time));
    }
}
