namespace SbbCommerce.IntegrationTests.Identity.Me;

public sealed class MeTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_profile_update_When_attribution_is_sent_too_Then_profile_changes_attribution_does_not_and_the_erp_hears()
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();
        var client = fixture.Authorized(session);

        var response = await client.PatchAsJsonAsync("/api/v1/me/profile", new { firstName = "Grace", smsConsent = true, utmSource = "hacked" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("profile");
        Assert.Equal("Grace", profile.GetProperty("firstName").GetString());
        Assert.Equal("tiktok", profile.GetProperty("utmSource").GetString());
        Assert.NotEqual(JsonValueKind.Null, profile.GetProperty("smsConsentAt").ValueKind);
        Assert.Equal(2L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND event_type = 'customer.upsert'", ("id", session.UserId)));
    }

    [Fact]
    public async Task Given_an_adult_date_of_birth_When_verifying_age_Then_the_user_is_age_verified()
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();
        var dateOfBirth = DateOnly.FromDateTime(fixture.Factory.Time.GetUtcNow().UtcDateTime).AddYears(-21);

        var response = await fixture.Authorized(session).PostAsJsonAsync("/api/v1/me/age-verification", new { dateOfBirth });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(user.GetProperty("ageVerified").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, user.GetProperty("ageVerifiedAt").ValueKind);
    }

    [Fact]
    public async Task Given_a_date_of_birth_one_day_short_of_21_When_verifying_age_Then_422_underage()
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();
        var dateOfBirth = DateOnly.FromDateTime(fixture.Factory.Time.GetUtcNow().UtcDateTime).AddYears(-21).AddDays(1);

        var response = await fixture.Authorized(session).PostAsJsonAsync("/api/v1/me/age-verification", new { dateOfBirth });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "underage");
        Assert.False(await fixture.ScalarAsync<bool>("SELECT age_verified FROM users WHERE id = @id", ("id", session.UserId)));
    }

    [Fact]
    public async Task Given_two_sessions_When_listing_and_revoking_one_Then_only_that_one_dies()
    {
        var client = fixture.CreateClient();
        var (email, first) = await client.NewCustomerAsync();
        var second = await client.SignInAsync(email);
        var me = fixture.Authorized(first);

        var sessions = await me.GetFromJsonAsync<JsonElement>("/api/v1/me/sessions");
        var other = sessions.EnumerateArray().Single(s => !s.GetProperty("current").GetBoolean()).GetProperty("id").GetGuid();
        var revoke = await me.DeleteAsync($"/api/v1/me/sessions/{other}");

        Assert.Equal(2, sessions.GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.RefreshAsync(second.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.RefreshAsync(first.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task Given_another_users_session_When_revoking_it_Then_404_and_it_lives_on()
    {
        var client = fixture.CreateClient();
        var (_, alice) = await client.NewCustomerAsync();
        var (_, bob) = await client.NewCustomerAsync();
        var bobSession = (await fixture.Authorized(bob).GetFromJsonAsync<JsonElement>("/api/v1/me/sessions"))[0].GetProperty("id").GetGuid();

        var response = await fixture.Authorized(alice).DeleteAsync($"/api/v1/me/sessions/{bobSession}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "session_not_found");
        Assert.Equal(HttpStatusCode.OK, (await client.RefreshAsync(bob.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task Given_an_account_deletion_When_done_Then_soft_deleted_sessions_revoked_data_kept_and_login_refused()
    {
        var client = fixture.CreateClient();
        var (email, session) = await client.NewCustomerAsync();

        var response = await fixture.Authorized(session).DeleteAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("deleted", await fixture.ScalarAsync<string>("SELECT status::text FROM users WHERE id = @id AND deleted_at IS NOT NULL", ("id", session.UserId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM user_profiles WHERE user_id = @id", ("id", session.UserId)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.RefreshAsync(session.RefreshToken)).StatusCode);
        await (await client.LoginAsync(email)).AssertProblemAsync(HttpStatusCode.Forbidden, "account_suspended");
    }
}
