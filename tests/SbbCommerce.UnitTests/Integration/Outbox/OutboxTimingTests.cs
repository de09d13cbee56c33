using SbbCommerce.Api.Common.Outbox;
using SbbCommerce.Api.Modules.Integration.Email;
using SbbCommerce.Api.Modules.Integration.Outbox;

namespace SbbCommerce.UnitTests.Integration.Outbox;

public sealed class OutboxTimingTests
{
    private static readonly RetrySchedule Schedule = new(Options.Create(new OutboxOptions
    {
        BaseRetryDelay = TimeSpan.FromSeconds(10),
        MaxRetryDelay = TimeSpan.FromMinutes(5),
    }));

    [Theory]
    [InlineData(1, 5, 10)]
    [InlineData(2, 10, 20)]
    [InlineData(4, 40, 80)]
    [InlineData(10, 150, 300)]
    public void Given_an_attempt_When_the_retry_is_scheduled_Then_it_backs_off_exponentially_with_jitter_up_to_the_cap(int attempts, double min, double max)
    {
        for (var i = 0; i < 200; i++)
        {
            Assert.InRange(Schedule.DelayAfter(attempts, retryAfter: null).TotalSeconds, min, max);
        }
    }

    [Fact]
    public void Given_a_Retry_After_longer_than_the_backoff_When_scheduled_Then_the_provider_is_obeyed()
    {
        Assert.Equal(TimeSpan.FromMinutes(2), Schedule.DelayAfter(1, TimeSpan.FromMinutes(2)));
        Assert.True(Schedule.DelayAfter(1, TimeSpan.FromSeconds(1)) >= TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Given_a_clock_that_stands_still_When_outbox_times_are_taken_Then_they_still_increase_by_a_microsecond()
    {
        var clock = new OutboxClock(new FakeTimeProvider(DateTimeOffset.Parse("2026-11-30T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));

        var times = Enumerable.Range(0, 1000).Select(_ => clock.Next()).ToList();

        Assert.Equal(times.Order(), times);
        Assert.Equal(1000, times.Distinct().Count());
        Assert.All(times, t => Assert.Equal(0, t.UtcTicks % TimeSpan.TicksPerMicrosecond));
    }

    [Theory]
    [InlineData("none", MailKit.Security.SecureSocketOptions.None)]
    [InlineData("starttls", MailKit.Security.SecureSocketOptions.StartTls)]
    [InlineData("TLS", MailKit.Security.SecureSocketOptions.SslOnConnect)]
    [InlineData(null, MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable)]
    public void Given_Email_Smtp_Security_When_read_Then_it_maps_to_MailKit(string? setting, MailKit.Security.SecureSocketOptions expected) =>
        Assert.Equal(expected, SmtpMailTransport.SocketOptions(setting));

    [Theory]
    [InlineData(123_456, "USD", "$1,234.56")]
    [InlineData(5, null, "$0.05")]
    [InlineData(1000, "EUR", "10.00 EUR")]
    public void Given_cents_When_shown_in_an_email_Then_they_read_as_money(long cents, string? currency, string expected) =>
        Assert.Equal(expected, EmailBody.Money(cents, currency));
}
