namespace SbbCommerce.IntegrationTests.Identity.Registration;

public sealed class RegistrationTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_new_email_in_mixed_case_When_registering_Then_201_with_a_pending_customer_under_the_lower_case_email()
    {
        var email = IdentityApi.NewEmail("Mixed.Case");

        var user = await fixture.CreateClient().RegisterAsync("  " + email.ToUpperInvariant() + " ");

        Assert.Equal(email.ToLowerInvariant(), user.GetProperty("email").GetString());
        Assert.Equal("pending_verification", user.GetProperty("status").GetString());
        Assert.Equal("customer", user.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Given_attribution_and_consent_When_registering_Then_the_profile_keeps_them()
    {
        var user = await fixture.CreateClient().RegisterAsync(IdentityApi.NewEmail());

        var id = user.GetProperty("id").GetGuid();
        Assert.Equal("tiktok", user.GetProperty("profile").GetProperty("utmSource").GetString());
        Assert.NotEqual(JsonValueKind.Null, user.GetProperty("profile").GetProperty("marketingConsentAt").ValueKind);
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM user_profiles WHERE user_id = @id AND landing_page = '/products/bpc-157-5mg'", ("id", id)));
    }

    [Fact]
    public async Task Given_a_new_email_When_registering_Then_the_verification_email_and_its_hashed_token_are_queued()
    {
        var id = (await fixture.CreateClient().RegisterAsync(IdentityApi.NewEmail())).GetProperty("id").GetGuid();

        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND destination = 'internal_email' AND event_type = 'user.email_verification'", ("id", id)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM user_tokens WHERE user_id = @id AND purpose = 'email_verification' AND length(token_hash) = 64", ("id", id)));
    }

    [Fact]
    public async Task Given_a_new_email_When_registering_Then_the_erp_upsert_and_the_signup_event_are_written()
    {
        var id = (await fixture.CreateClient().RegisterAsync(IdentityApi.NewEmail())).GetProperty("id").GetGuid();

        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND destination = 'epicor_propello' AND event_type = 'customer.upsert'", ("id", id)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM events WHERE user_id = @id AND event_name = 'user.signup.completed'", ("id", id)));
    }

    [Fact]
    public async Task Given_a_registration_When_reading_the_database_Then_no_password_or_token_is_stored_in_clear()
    {
        var email = IdentityApi.NewEmail();
        var id = (await fixture.CreateClient().RegisterAsync(email)).GetProperty("id").GetGuid();

        var hash = await fixture.ScalarAsync<string>("SELECT password_hash FROM users WHERE id = @id", ("id", id));
        var leaks = await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND payload::text LIKE '%' || @password || '%'", ("id", id), ("password", IdentityApi.Password));

        Assert.StartsWith("$argon2id$v=19$", hash, StringComparison.Ordinal);
        Assert.DoesNotContain(IdentityApi.Password, hash, StringComparison.Ordinal);
        Assert.Equal(0L, leaks);
    }

    [Fact]
    public async Task Given_a_taken_email_in_another_case_When_registering_Then_409_email_taken()
    {
        var email = IdentityApi.NewEmail();
        await fixture.CreateClient().RegisterAsync(email);

        var response = await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/register", IdentityApi.Registration(email.ToUpperInvariant()));

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "email_taken");
    }

    [Fact]
    public async Task Given_concurrent_registrations_of_one_email_When_racing_Then_one_201_and_the_rest_409_never_500()
    {
        var email = IdentityApi.NewEmail("race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/register", IdentityApi.Registration(email))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM users WHERE email = @email", ("email", email)));
    }

    [Theory]
    [InlineData("short1A!")]
    [InlineData("alllowercaseletters")]
    [InlineData("12345678901234")]
    public async Task Given_a_weak_password_When_registering_Then_400_validation_failed_on_password(string password)
    {
        var response = await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/register", IdentityApi.Registration(IdentityApi.NewEmail(), password));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Given_an_invalid_email_When_registering_Then_400_validation_failed_on_email()
    {
        var response = await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/register", IdentityApi.Registration("not-an-email"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Given_a_malformed_body_When_registering_Then_400_malformed_request()
    {
        using var content = new StringContent("{\"email\": [", System.Text.Encoding.UTF8, "application/json");

        var response = await fixture.CreateClient().PostAsync("/api/v1/auth/register", content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Fact]
    public async Task Given_a_verification_token_When_verifying_Then_the_user_is_active_and_the_token_is_single_use()
    {
        var client = fixture.CreateClient();
        var email = IdentityApi.NewEmail();
        var id = (await client.RegisterAsync(email)).GetProperty("id").GetGuid();
        var token = await fixture.TokenFromOutboxAsync(id, "user.email_verification", "email_verification");

        var first = await client.PostAsJsonAsync("/api/v1/auth/verify-email", new { token });
        var second = await client.PostAsJsonAsync("/api/v1/auth/verify-email", new { token });

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await second.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_token");
        Assert.Equal("active", await fixture.ScalarAsync<string>("SELECT status::text FROM users WHERE id = @id AND email_verified", ("id", id)));
    }

    [Fact]
    public async Task Given_an_expired_verification_token_When_verifying_Then_422_invalid_token()
    {
        var client = fixture.CreateClient();
        var id = (await client.RegisterAsync(IdentityApi.NewEmail())).GetProperty("id").GetGuid();
        var token = await fixture.TokenFromOutboxAsync(id, "user.email_verification", "email_verification");
        fixture.Factory.Time.Advance(TimeSpan.FromHours(49));

        var response = await client.PostAsJsonAsync("/api/v1/auth/verify-email", new { token });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_token");
    }

    [Fact]
    public async Task Given_a_signed_in_unverified_user_When_asking_to_resend_Then_202_and_a_new_message_is_queued()
    {
        var client = fixture.CreateClient();
        var (_, session) = await client.NewCustomerAsync();

        var response = await fixture.Authorized(session).PostAsync("/api/v1/auth/verify-email/resend", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND event_type = 'user.email_verification'", ("id", session.UserId)));
    }
}
