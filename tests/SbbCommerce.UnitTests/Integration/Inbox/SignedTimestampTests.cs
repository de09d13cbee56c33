using SbbCommerce.Api.Modules.Integration.Inbox;

namespace SbbCommerce.UnitTests.Integration.Inbox;

public sealed class SignedTimestampTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_780_000_000);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData("1780000000")]
    [InlineData("1779999700")] // five minutes old: on the edge, still in
    [InlineData("1780000300")] // five minutes ahead (a provider's clock runs fast)
    public void Given_a_timestamp_within_the_tolerance_When_checked_Then_it_is_accepted(string timestamp)
    {
        Assert.True(SignedTimestamp.IsWithin(timestamp, Now, Tolerance));
    }

    [Theory]
    [InlineData("1779999699")]
    [InlineData("1780000301")]
    [InlineData("0")]
    [InlineData("99999999999999999")] // past what DateTimeOffset holds: refused, not thrown
    [InlineData("-1780000000")]
    [InlineData("1780000000.5")]
    [InlineData(" 1780000000")]
    [InlineData("")]
    public void Given_a_timestamp_outside_the_tolerance_or_not_whole_seconds_When_checked_Then_it_is_refused(string timestamp)
    {
        Assert.False(SignedTimestamp.IsWithin(timestamp, Now, Tolerance));
    }
}
