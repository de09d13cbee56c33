using SbbCommerce.IntegrationTests.Identity.Login;

namespace SbbCommerce.IntegrationTests.Identity.OAuth;

public sealed class OAuthSignInTests(OAuthFixture fixture) : IClassFixture<OAuthFixture>
{
    private static IdTokenClaims Google(string subject, string? email, bool verified = true) =>
        new(subject, OAuthFixture.GoogleClientId, email, verified);

    [Fact]
    public async Task Given_a_valid_google_token_for_a_new_email_When_signing_in_Then_an_active_account_without_password_that_the_token_opens()
    {
        var email = IdentityApi.NewEmail("google");

        var (userId, accessToken, user) = await OAuthFixture.SignedInAsync(await NewGoogleSignInAsync(email, "visitor-google-1"));

        Assert.Equal(email, user.GetProperty("email").GetString());
        Assert.True(user.GetProperty("emailVerified").GetBoolean());
        Assert.Equal("Grace", user.GetProperty("profile").GetProperty("firstName").GetString());
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM users WHERE id = @id AND password_hash IS NULL AND auth_provider = 'google' AND status = 'active'", ("id", userId)));
        var me = await fixture.CreateClient().WithBearer(accessToken).GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Given_a_valid_google_token_for_a_new_email_When_signing_in_Then_the_profile_keeps_attribution_and_consent()
    {
        var (userId, _, _) = await OAuthFixture.SignedInAsync(await NewGoogleSignInAsync(IdentityApi.NewEmail("google"), "visitor-google-2"));

        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM user_profiles WHERE user_id = @id AND marketing_consent AND utm_source = 'tiktok' AND landing_page = '/products/bpc'", ("id", userId)));
    }

    [Fact]
    public async Task Given_a_valid_google_token_for_a_new_email_When_signing_in_Then_the_link_the_audit_the_session_and_the_login_notification_are_written()
    {
        var email = IdentityApi.NewEmail("google");

        var (userId, _, _) = await OAuthFixture.SignedInAsync(await NewGoogleSignInAsync(email, "visitor-google-3"));

        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM external_logins WHERE user_id = @id AND provider = 'google' AND email_at_link = @email", ("id", userId), ("email", email)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'user.registered_with_provider'", ("id", userId)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM auth_sessions WHERE user_id = @id AND status = 'active'", ("id", userId)));
        Assert.Contains(RecordingLoginHandler.Received, n => n.UserId == userId && n.AnonymousId == "visitor-google-3");
    }

    [Fact]
    public async Task Given_a_valid_google_token_for_a_new_email_When_signing_in_Then_the_erp_upsert_is_queued_and_no_verification_email()
    {
        var (userId, _, _) = await OAuthFixture.SignedInAsync(await NewGoogleSignInAsync(IdentityApi.NewEmail("google"), "visitor-google-4"));

        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND destination = 'epicor_propello'", ("id", userId)));
        Assert.Equal(0L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND event_type = 'user.email_verification'", ("id", userId)));
    }

    /// <summary>A first Google sign-in of a new person, with attribution, consent and a visitor id.</summary>
    private Task<HttpResponseMessage> NewGoogleSignInAsync(string email, string anonymousId)
    {
        var token = fixture.GoogleToken(Google(OAuthFixture.NewSubject(), email) with { Nonce = "n-123" });
        return fixture.PostAsync("google", new
        {
            idToken = token, nonce = "n-123", firstName = "Grace", lastName = "Hopper",
            marketingConsent = true, smsConsent = false, utmSource = "tiktok", landingPage = "/products/bpc",
        }, anonymousId: anonymousId);
    }

    [Fact]
    public async Task Given_a_second_audience_of_the_configured_list_When_signing_in_Then_it_is_accepted()
    {
        var token = fixture.Google.IdToken(new IdTokenClaims(OAuthFixture.NewSubject(), "google-ios-client", IdentityApi.NewEmail("ios")), fixture.Now);

        await OAuthFixture.SignedInAsync(await fixture.PostAsync("google", new { idToken = token }));
    }

    public static TheoryData<string> Spoiled => new() { "audience", "issuer", "expired", "signature", "nonce", "alg_none", "other_provider" };

    [Theory]
    [MemberData(nameof(Spoiled))]
    public async Task Given_a_token_spoiled_in_one_way_When_signing_in_Then_401_invalid_id_token_and_no_account(string spoiled)
    {
        var email = IdentityApi.NewEmail("spoiled");
        var claims = Google(OAuthFixture.NewSubject(), email) with { Nonce = "expected-nonce" };
        var token = spoiled switch
        {
            "audience" => fixture.GoogleToken(claims with { Audience = "someone-elses-client" }),
            "issuer" => fixture.GoogleToken(claims with { Issuer = "https://accounts.evil.example" }),
            // Beyond the minute of skew.
            "expired" => fixture.GoogleToken(claims with { ExpiresIn = TimeSpan.FromMinutes(-2) }),
            "signature" => fixture.GoogleToken(claims with { ForgedSignature = true }),
            "nonce" => fixture.GoogleToken(claims with { Nonce = "replayed-nonce" }),
            "alg_none" => fixture.Google.UnsignedIdToken(claims, fixture.Now),
            // Apple's token (valid there) posted to the Google route: wrong issuer, keys and audience.
            "other_provider" => fixture.AppleToken(claims with { Audience = OAuthFixture.AppleClientId }),
            _ => throw new ArgumentOutOfRangeException(nameof(spoiled)),
        };

        var response = await fixture.PostAsync("google", new { idToken = token, nonce = "expected-nonce" });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_id_token");
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM users WHERE email = @email", ("email", email)));
    }

    [Fact]
    public async Task Given_an_expiry_within_the_skew_When_signing_in_Then_it_is_accepted()
    {
        var token = fixture.GoogleToken(Google(OAuthFixture.NewSubject(), IdentityApi.NewEmail("skew")) with { ExpiresIn = TimeSpan.FromSeconds(-20) });

        await OAuthFixture.SignedInAsync(await fixture.PostAsync("google", new { idToken = token }));
    }

    [Fact]
    public async Task Given_the_provider_rotated_its_key_When_a_token_signed_by_the_new_key_arrives_Then_the_keys_are_fetched_once_and_it_is_accepted()
    {
        // The keys are cached after a first sign-in.
        await OAuthFixture.SignedInAsync(await fixture.PostAsync("apple", new { idToken = AppleRsaToken() }));
        var fetches = fixture.Apple.KeySetFetches;

        fixture.Apple.RotateRsaKey();
        await OAuthFixture.SignedInAsync(await fixture.PostAsync("apple", new { idToken = AppleRsaToken() }));
        await OAuthFixture.SignedInAsync(await fixture.PostAsync("apple", new { idToken = AppleRsaToken() }));

        Assert.Equal(fetches + 1, fixture.Apple.KeySetFetches);

        string AppleRsaToken() => fixture.Apple.IdToken(
            new IdTokenClaims(OAuthFixture.NewSubject(), OAuthFixture.AppleClientId, IdentityApi.NewEmail("rotated")) { EmailVerifiedAsString = true }, fixture.Now);
    }

    [Fact]
    public async Task Given_a_token_signed_by_an_unknown_key_id_twice_When_signing_in_Then_the_keys_are_fetched_at_most_once_a_minute()
    {
        await OAuthFixture.SignedInAsync(await fixture.PostAsync("google", new { idToken = fixture.GoogleToken(Google(OAuthFixture.NewSubject(), IdentityApi.NewEmail("warm"))) }));
        var forged = fixture.Google.IdToken(Google(OAuthFixture.NewSubject(), IdentityApi.NewEmail("kid")) with { UnknownKeyId = true }, fixture.Now);
        var before = fixture.Google.KeySetFetches;

        await (await fixture.PostAsync("google", new { idToken = forged })).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_id_token");
        await (await fixture.PostAsync("google", new { idToken = forged })).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_id_token");

        Assert.True(fixture.Google.KeySetFetches - before <= 1, $"{fixture.Google.KeySetFetches - before} fetches");
    }

    [Fact]
    public async Task Given_apple_When_signing_in_first_with_a_name_and_later_with_a_relay_address_Then_the_same_account_keeps_the_name()
    {
        var subject = OAuthFixture.NewSubject();
        var first = fixture.AppleToken(new IdTokenClaims(subject, OAuthFixture.AppleClientId, IdentityApi.NewEmail("apple")));

        var (userId, _, user) = await OAuthFixture.SignedInAsync(await fixture.PostAsync("apple", new { idToken = first, firstName = "Tim", lastName = "Apple" }));
        Assert.Equal("Apple", user.GetProperty("profile").GetProperty("lastName").GetString());

        var later = fixture.AppleToken(new IdTokenClaims(subject, OAuthFixture.AppleClientId, $"{Guid.NewGuid():N}@privaterelay.appleid.com"));
        var (againId, _, again) = await OAuthFixture.SignedInAsync(await fixture.PostAsync("apple", new { idToken = later }));

        Assert.Equal(userId, againId);
        Assert.Equal("Tim", again.GetProperty("profile").GetProperty("firstName").GetString());
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM users WHERE id = @id AND auth_provider = 'apple'", ("id", userId)));
    }

    [Fact]
    public async Task Given_a_verified_local_account_and_a_provider_vouching_for_the_email_When_signing_in_Then_the_provider_is_linked_to_it()
    {
        var (email, session) = await VerifiedCustomerAsync();
        var subject = OAuthFixture.NewSubject();

        var (userId, _, _) = await OAuthFixture.SignedInAsync(await fixture.PostAsync("google", new { idToken = fixture.GoogleToken(Google(subject, email)) }));

        Assert.Equal(session.UserId, userId);
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'user.provider_linked'", ("id", userId)));
        // Later sign-ins match on the subject, whatever the email says now.
        var (laterId, _, _) = await OAuthFixture.SignedInAsync(await fixture.PostAsync("google",
            new { idToken = fixture.GoogleToken(Google(subject, IdentityApi.NewEmail("changed"))) }));
        Assert.Equal(session.UserId, laterId);
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM users WHERE id = @id AND password_hash IS NOT NULL AND auth_provider = 'email'", ("id", userId)));
    }

    [Fact]
    public async Task Given_a_verified_local_account_and_a_provider_not_vouching_for_the_email_When_signing_in_Then_409_account_link_required()
    {
        var (email, session) = await VerifiedCustomerAsync();

        var response = await fixture.PostAsync("google", new { idToken = fixture.GoogleToken(Google(OAuthFixture.NewSubject(), email, verified: false)) });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "account_link_required");
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM external_logins WHERE user_id = @id", ("id", session.UserId)));
    }

    [Fact]
    public async Task Given_an_unverified_local_account_When_a_provider_vouches_for_its_email_Then_409_account_link_required()
    {
        var email = IdentityApi.NewEmail("unverified");
        var registered = await fixture.CreateClient().RegisterAsync(email);

        var response = await fixture.PostAsync("google", new { idToken = fixture.GoogleToken(Google(OAuthFixture.NewSubject(), email)) });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "account_link_required");
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM external_logins WHERE user_id = @id", ("id", registered.GetProperty("id").GetGuid())));
    }

    [Fact]
    public async Task Given_a_new_email_the_provider_did_not_verify_When_signing_in_Then_a_pending_account_and_a_verification_email()
    {
        var email = IdentityApi.NewEmail("unvouched");

        var (userId, _, user) = await OAuthFixture.SignedInAsync(await fixture.PostAsync("google", new { idToken = fixture.GoogleToken(Google(OAuthFixture.NewSubject(), email, verified: false)) }));

        Assert.False(user.GetProperty("emailVerified").GetBoolean());
        Assert.Equal("pending_verification", user.GetProperty("status").GetString());
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM webhooks_outbox WHERE entity_id = @id AND event_type = 'user.email_verification'", ("id", userId)));
    }

    [Fact]
    public async Task Given_a_suspended_account_When_signing_in_with_its_provider_Then_403_account_suspended_and_no_session()
    {
        var subject = OAuthFixture.NewSubject();
        var token = fixture.GoogleToken(Google(subject, IdentityApi.NewEmail("suspended")));
        var (userId, _, _) = await OAuthFixture.SignedInAsync(await fixture.PostAsync("google", new { idToken = token }));
        await fixture.ExecuteAsync("UPDATE users SET status = 'suspended' WHERE id = @id", ("id", userId));

        var response = await fixture.PostAsync("google", new { idToken = token });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "account_suspended");
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM auth_sessions WHERE user_id = @id", ("id", userId)));
    }

    private async Task<(string Email, Session Session)> VerifiedCustomerAsync()
    {
        var (email, session) = await fixture.CreateClient().NewCustomerAsync();
        await fixture.ExecuteAsync("UPDATE users SET email_verified = true, email_verified_at = now(), status = 'active' WHERE id = @id", ("id", session.UserId));
        return (email, session);
    }
}

public sealed class OAuthNotConfiguredTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("google")]
    [InlineData("apple")]
    public async Task Given_no_client_ids_When_signing_in_with_a_provider_Then_503_provider_not_configured(string provider)
    {
        var response = await fixture.CreateClient().PostAsJsonAsync($"/api/v1/auth/oauth/{provider}", new { idToken = "a.b.c" });

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "provider_not_configured");
    }
}
