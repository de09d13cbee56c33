using SbbCommerce.IntegrationTests.Integration.Outbox;

namespace SbbCommerce.IntegrationTests.Integration.Email;

/// <summary>
/// An SMTP outage on a host that has not connected yet (its own fixture: a test SMTP server keeps sessions it already
/// accepted alive after it stops listening, which a real outage would not).
/// </summary>
public sealed class SmtpOutageTests(SmtpFixture fixture) : IClassFixture<SmtpFixture>
{
    [Fact]
    public async Task Given_the_SMTP_server_is_down_When_the_outbox_drains_Then_emails_wait_and_are_delivered_after_it_returns()
    {
        var email = IdentityApi.NewEmail("outage");
        fixture.StopSmtp();
        try
        {
            await fixture.CreateClient().RegisterAsync(email);
            var down = await fixture.DrainAsync();
            Assert.True(down.Retrying >= 1);
            Assert.True(await fixture.ScalarAsync<long>(
                "SELECT count(*) FROM webhooks_outbox WHERE destination = 'internal_email' AND status = 'failed' AND payload->>'to' = @to", ("to", email)) == 1);
        }
        finally
        {
            fixture.StartSmtp();
        }

        fixture.Factory.Time.Advance(TimeSpan.FromMinutes(5));
        await fixture.DrainAsync();

        Assert.Single(fixture.MailTo(email));
    }

}
