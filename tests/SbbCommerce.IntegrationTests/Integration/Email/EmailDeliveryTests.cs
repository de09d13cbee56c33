using System.Text.RegularExpressions;
using SbbCommerce.Api.Common.Outbox;
using SbbCommerce.IntegrationTests.Integration.Outbox;

namespace SbbCommerce.IntegrationTests.Integration.Email;

/// <summary>Customer email over real SMTP: the links work, every kind renders, an SMTP outage loses nothing.</summary>
public sealed partial class EmailDeliveryTests(SmtpFixture fixture) : IClassFixture<SmtpFixture>
{
    [Fact]
    public async Task Given_a_registration_When_the_outbox_drains_Then_the_verification_link_activates_the_account_and_it_can_check_out()
    {
        var email = IdentityApi.NewEmail("mail");
        var userId = (await fixture.CreateClient().RegisterAsync(email)).GetProperty("id").GetGuid();

        await fixture.DrainAsync();

        var message = Assert.Single(fixture.MailTo(email));
        Assert.Equal("Confirm your email address", message.Subject);
        Assert.NotNull(message.HtmlBody);
        var token = TokenIn(message.TextBody ?? string.Empty, "/verify-email");
        var verified = await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/verify-email", new { token });
        Assert.Equal(HttpStatusCode.NoContent, verified.StatusCode);
        Assert.Equal("active", await fixture.ScalarAsync<string>("SELECT status::text FROM users WHERE id = @id", ("id", userId)));

        // The verified customer can buy (age and KYC arranged as an admin would, the address as the storefront would).
        await fixture.ExecuteAsync("UPDATE users SET age_verified = true, age_verified_at = now(), kyc_status = 'approved' WHERE id = @id", ("id", userId));
        var session = await fixture.CreateClient().SignInAsync(email);
        var client = fixture.CreateClient().WithBearer(session.AccessToken);
        var address = await (await client.PostAsJsonAsync("/api/v1/me/addresses", new
        {
            addressType = "shipping", isDefault = true, recipientName = "Mia Mail", streetLine1 = "1 Main St", city = "Austin",
            stateProvince = "TX", postalCode = "73301", countryCode = "US",
        })).ReadAsync();
        await (await client.AddAsync(await fixture.ProductAsync())).ReadAsync();
        var checkout = await client.CheckoutAsync(OrdersApi.Checkout(new Buyer(userId, session.AccessToken, address.GetProperty("id").GetGuid())));
        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);

        await fixture.DrainAsync();
        Assert.Contains(fixture.MailTo(email), m => (m.Subject ?? string.Empty).StartsWith("How to pay for order SBB-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_forgotten_password_When_the_reset_email_arrives_Then_its_link_sets_a_new_password()
    {
        var email = IdentityApi.NewEmail("reset");
        await fixture.CreateClient().RegisterAsync(email);
        (await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/password/forgot", new { email })).EnsureSuccessStatusCode();

        await fixture.DrainAsync();

        var message = Assert.Single(fixture.MailTo(email), m => m.Subject == "Reset your password");
        var token = TokenIn(message.TextBody ?? string.Empty, "/reset-password");
        var reset = await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/password/reset", new { token, newPassword = "Brand-New-Pass-2026" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.CreateClient().LoginAsync(email, "Brand-New-Pass-2026")).StatusCode);
    }

    [Fact]
    public async Task Given_one_message_of_every_kind_When_the_outbox_drains_Then_each_arrives_rendered_in_text_and_html()
    {
        var to = IdentityApi.NewEmail("kinds");
        await using (var scope = fixture.CreateScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutboxWriter>();
            foreach (var (kind, payload) in EmailSamples.All(to))
            {
                outbox.Enqueue(OutboxDestinations.InternalEmail, kind, payload, "test", Guid.NewGuid());
            }

            await ApiFixture.DbContext(scope).SaveChangesAsync();
        }

        var pass = await fixture.DrainAsync();

        Assert.Equal(0, pass.Dead + pass.Retrying);
        var received = fixture.MailTo(to);
        Assert.Equal(EmailSamples.Subjects, received.Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.All(received, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.TextBody));
            Assert.Contains("<html>", m.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("{", m.TextBody, StringComparison.Ordinal);
        });
        Assert.Contains(received, m => (m.TextBody ?? string.Empty).Contains("Write PAY-", StringComparison.Ordinal)); // what to write in the memo
        Assert.Contains(received, m => (m.TextBody ?? string.Empty).Contains("batch LOT-7", StringComparison.Ordinal));
    }

    internal static string TokenIn(string text, string path)
    {
        var match = Regex.Match(text, "https://shop\\.example" + Regex.Escape(path) + "\\?token=([A-Za-z0-9_%-]+)");
        Assert.True(match.Success, $"No {path} link in: {text}");
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }
}
