using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using SbbCommerce.Api.Modules.Identity.Contracts;
using SbbCommerce.IntegrationTests.Integration.Outbox;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SbbCommerce.IntegrationTests.Identity.Phone;

/// <summary>A host whose Twilio is a WireMock server on a local port.</summary>
public sealed class SmsFixture : ApiFixture, IAsyncLifetime
{
    public const string AccountSid = "AC0123456789";
    public const string AuthToken = "twilio-test-token";
    public const string From = "+15550001111";
    public const string MessagesPath = $"/2010-04-01/Accounts/{AccountSid}/Messages.json";

    public WireMockServer Twilio { get; } = WireMockServer.Start();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sms:Twilio:BaseUrl"] = Twilio.Urls[0],
        ["Sms:Twilio:AccountSid"] = AccountSid,
        ["Sms:Twilio:AuthToken"] = AuthToken,
        ["Sms:Twilio:From"] = From,
        // Generous: WireMock's first answer on a loaded CI machine can take seconds, and no test here is about timeouts.
        ["Sms:TimeoutSeconds"] = "30",
    };

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Twilio.Stop();
        Twilio.Dispose();
    }
}

public sealed partial class PhoneVerificationTests(SmsFixture fixture) : IClassFixture<SmsFixture>
{
    private static string NewPhone() => $"+1415{Random.Shared.Next(1_000_000, 9_999_999)}";

    private async Task<(HttpClient Client, Guid UserId)> CustomerAsync()
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();
        return (fixture.Authorized(session), session.UserId);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string phone) =>
        client.PostAsJsonAsync("/api/v1/me/phone/verification", new { phone });

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, string code) =>
        client.PostAsJsonAsync("/api/v1/me/phone/verification/confirm", new { code });

    /// <summary>The code of the user's newest verification, as the SMS sender rebuilds it.</summary>
    private async Task<string> CodeOfAsync(Guid userId)
    {
        var id = await fixture.ScalarAsync<Guid>("SELECT id FROM phone_verifications WHERE user_id = @id ORDER BY created_at DESC LIMIT 1", ("id", userId));
        await using var scope = fixture.CreateScope();
        return scope.ServiceProvider.GetRequiredService<IPhoneVerificationCodes>().CodeFor(id);
    }

    private static string WrongCode(string code) => code == "000000" ? "000001" : "000000";

    [Fact]
    public async Task Given_a_number_When_the_code_goes_out_through_twilio_and_comes_back_Then_the_phone_is_verified()
    {
        // The catch-all answer (lowest priority); the failure tests add their own for their numbers.
        fixture.Twilio.Given(Request.Create().WithPath(SmsFixture.MessagesPath).UsingPost())
            .AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(201).WithBodyAsJson(new { sid = "SM1", status = "queued" }));
        var (client, userId) = await CustomerAsync();
        var phone = NewPhone();

        var sent = await SendAsync(client, phone);

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var payload = await fixture.ScalarAsync<string>("SELECT payload::text FROM webhooks_outbox WHERE entity_id = @id AND destination = 'sms'", ("id", userId));
        var expected = await CodeOfAsync(userId);
        Assert.DoesNotContain(expected, payload, StringComparison.Ordinal);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM phone_verifications WHERE user_id = @id AND code_hash LIKE '%' || @code || '%'", ("id", userId), ("code", expected)));

        await fixture.DrainAsync();

        var request = fixture.Twilio.LogEntries.Select(e => e.RequestMessage)
            .Single(r => r.Path == SmsFixture.MessagesPath && QueryHelpers.ParseQuery(r.Body)["To"] == phone);
        Assert.Equal($"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes($"{SmsFixture.AccountSid}:{SmsFixture.AuthToken}"))}", request.Headers!["Authorization"].Single());
        var form = QueryHelpers.ParseQuery(request.Body);
        Assert.Equal(SmsFixture.From, form["From"].ToString());
        var code = SixDigits().Match(form["Body"].ToString()).Value;
        Assert.Equal(expected, code);
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND destination = 'sms' AND status = 'sent'", ("id", userId)));

        await (await ConfirmAsync(client, WrongCode(code))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_code");
        Assert.Equal(HttpStatusCode.NoContent, (await ConfirmAsync(client, code)).StatusCode);

        var me = await (await client.GetAsync("/api/v1/me")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(phone, me.GetProperty("phone").GetString());
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM users WHERE id = @id AND phone = @phone AND phone_verified", ("id", userId), ("phone", phone)));
        // Used once.
        await (await ConfirmAsync(client, code)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_code");
    }

    [Theory]
    [InlineData(503, "failed")]
    [InlineData(400, "dead")]
    public async Task Given_twilio_failing_When_the_sms_is_sent_Then_a_5xx_is_retried_and_a_4xx_is_a_dead_letter(int status, string outcome)
    {
        var phone = NewPhone();
        fixture.Twilio.Given(Request.Create().WithPath(SmsFixture.MessagesPath).UsingPost().WithBody(b => b != null && QueryHelpers.ParseQuery(b)["To"] == phone))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(status).WithBodyAsJson(new { code = 21211, message = "refused" }));
        var (client, userId) = await CustomerAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(client, phone)).StatusCode);
        await fixture.DrainAsync();

        var state = await fixture.ScalarAsync<string>("SELECT status FROM webhooks_outbox WHERE entity_id = @id AND destination = 'sms'", ("id", userId));
        Assert.Equal(outcome, state);
    }

    [Fact]
    public async Task Given_a_code_When_more_than_10_minutes_pass_Then_it_is_refused()
    {
        var (client, userId) = await CustomerAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(client, NewPhone())).StatusCode);
        var code = await CodeOfAsync(userId);

        fixture.Factory.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        await (await ConfirmAsync(client, code)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_code");
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM users WHERE id = @id AND phone_verified", ("id", userId)));
    }

    [Fact]
    public async Task Given_five_wrong_tries_When_the_right_code_comes_Then_it_is_refused()
    {
        var (client, userId) = await CustomerAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(client, NewPhone())).StatusCode);
        var code = await CodeOfAsync(userId);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await (await ConfirmAsync(client, WrongCode(code))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_code");
        }

        await (await ConfirmAsync(client, code)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_code");
    }

    [Fact]
    public async Task Given_one_user_racing_ten_sends_When_they_land_together_Then_exactly_three_are_accepted_and_the_rest_429()
    {
        var (client, userId) = await CustomerAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SendAsync(client, NewPhone())));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(7, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        await answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests).AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal(3L, await fixture.ScalarAsync<long>("SELECT count(*) FROM phone_verifications WHERE user_id = @id", ("id", userId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM phone_verifications WHERE user_id = @id AND closed_at IS NULL", ("id", userId)));
    }

    [Fact]
    public async Task Given_one_number_When_six_accounts_ask_for_codes_within_an_hour_Then_the_sixth_is_429()
    {
        var phone = NewPhone();
        for (var account = 0; account < 5; account++)
        {
            var (client, _) = await CustomerAsync();
            Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(client, phone)).StatusCode);
        }

        var (sixth, _) = await CustomerAsync();
        await (await SendAsync(sixth, phone)).AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task Given_a_number_verified_by_another_account_When_asking_for_a_code_Then_409_phone_taken()
    {
        var phone = NewPhone();
        var (_, owner) = await CustomerAsync();
        await fixture.ExecuteAsync("UPDATE users SET phone = @phone, phone_verified = true WHERE id = @id", ("phone", phone), ("id", owner));
        var (client, _) = await CustomerAsync();

        await (await SendAsync(client, phone)).AssertProblemAsync(HttpStatusCode.Conflict, "phone_taken");
    }

    [Theory]
    [InlineData("4155550123")]
    [InlineData("+0155550123")]
    [InlineData("+1 415 555 0123")]
    public async Task Given_a_number_not_in_e164_When_asking_for_a_code_Then_400(string phone)
    {
        var (client, _) = await CustomerAsync();

        await (await SendAsync(client, phone)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
