using System.Security.Cryptography;
using SbbCommerce.Api.Modules.Integration.Inbox;
using SbbCommerce.IntegrationTests.Integration.Outbox;

namespace SbbCommerce.IntegrationTests.Integration.Email;

/// <summary>A host that mails through SMTP and hears Mailgun's bounce reports.</summary>
public sealed class MailgunFixture : SmtpFixture
{
    public const string SigningKey = "mailgun-key-for-bounce-tests";

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Webhooks:Sources:mailgun:SigningKey"] = SigningKey;
            return settings;
        }
    }
}

/// <summary>A permanent bounce or a complaint marks the address; later emails to it are skipped with the reason.</summary>
public sealed class MailgunBounceTests(MailgunFixture fixture) : IClassFixture<MailgunFixture>
{
    [Fact]
    public async Task Given_a_permanent_bounce_When_processed_Then_the_user_is_marked_and_the_next_email_is_skipped_not_sent()
    {
        var email = IdentityApi.NewEmail("bounce");
        var userId = (await fixture.CreateClient().RegisterAsync(email)).GetProperty("id").GetGuid();
        await fixture.DrainAsync();
        var temporary = await PostMailgunAsync("failed", email, "temporary");
        var permanent = await PostMailgunAsync("failed", email, "permanent");
        Assert.Equal(HttpStatusCode.OK, temporary.StatusCode);
        Assert.Equal(HttpStatusCode.OK, permanent.StatusCode);

        await using (var scope = fixture.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<WebhookInboxJob>().RunAsync(CancellationToken.None);
        }

        var admin = await fixture.CreateClient().WithBearer(fixture.AdminToken()).GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{userId}");
        Assert.Contains("permanent failure", admin.GetProperty("emailUndeliverable").GetProperty("reason").GetString(), StringComparison.Ordinal);
        var before = fixture.MailTo(email).Count;
        (await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/password/forgot", new { email })).EnsureSuccessStatusCode();
        var pass = await fixture.DrainAsync();

        Assert.Equal(before, fixture.MailTo(email).Count);
        Assert.Equal(0, pass.Sent);
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_outbox WHERE event_type = 'user.password_reset' AND status = 'skipped' AND error_message LIKE 'Recipient undeliverable%' AND payload->>'to' = @to",
            ("to", email)));
    }

    private Task<HttpResponseMessage> PostMailgunAsync(string kind, string recipient, string severity)
    {
        var timestamp = fixture.Factory.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var token = Guid.NewGuid().ToString("N");
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(MailgunFixture.SigningKey), Encoding.UTF8.GetBytes(timestamp + token)));
        return fixture.CreateClient().PostAsJsonAsync("/api/v1/webhooks/mailgun", new Dictionary<string, object>
        {
            ["signature"] = new { timestamp, token, signature },
            ["event-data"] = new Dictionary<string, object>
            {
                ["id"] = Guid.NewGuid().ToString("N"),
                ["event"] = kind,
                ["severity"] = severity,
                ["recipient"] = recipient,
                ["delivery-status"] = new { description = "mailbox does not exist" },
            },
        });
    }
}
