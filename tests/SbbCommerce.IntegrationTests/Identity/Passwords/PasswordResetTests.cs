namespace SbbCommerce.IntegrationTests.Identity.Passwords;

public sealed class PasswordResetTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_an_unknown_email_When_asking_for_a_reset_Then_202_and_nothing_is_queued()
    {
        var before = await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE event_type = 'user.password_reset'");

        var response = await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/password/forgot", new { email = IdentityApi.NewEmail("ghost") });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(before, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE event_type = 'user.password_reset'"));
    }

    [Fact]
    public async Task Given_a_reset_token_When_resetting_Then_the_new_password_works_and_every_session_is_revoked()
    {
        var client = fixture.CreateClient();
        var (email, session) = await client.NewCustomerAsync();
        var forgot = await client.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email });
        var token = await fixture.TokenFromOutboxAsync(session.UserId, "user.password_reset", "password_reset");

        var reset = await client.PostAsJsonAsync("/api/v1/auth/password/reset", new { token, newPassword = "Brand-New-Password-7" });

        Assert.Equal(HttpStatusCode.Accepted, forgot.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.RefreshAsync(session.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(email, "Brand-New-Password-7")).StatusCode);
        await (await client.LoginAsync(email)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await client.PostAsJsonAsync("/api/v1/auth/password/reset", new { token, newPassword = "Another-Password-8" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_token");
    }

    [Fact]
    public async Task Given_a_reset_token_older_than_30_minutes_When_resetting_Then_422_invalid_token()
    {
        var client = fixture.CreateClient();
        var (email, session) = await client.NewCustomerAsync();
        await client.PostAsJsonAsync("/api/v1/auth/password/forgot", new { email });
        var token = await fixture.TokenFromOutboxAsync(session.UserId, "user.password_reset", "password_reset");
        fixture.Factory.Time.Advance(TimeSpan.FromMinutes(31));

        var response = await client.PostAsJsonAsync("/api/v1/auth/password/reset", new { token, newPassword = "Brand-New-Password-7" });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_token");
    }

    [Fact]
    public async Task Given_a_weak_new_password_When_resetting_Then_400_validation_failed()
    {
        var response = await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/password/reset", new { token = "whatever", newPassword = "short" });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
