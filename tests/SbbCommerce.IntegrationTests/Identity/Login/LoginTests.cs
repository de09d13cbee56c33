using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Modules.Identity.Contracts;

namespace SbbCommerce.IntegrationTests.Identity.Login;

/// <summary>Records the login notifications the host publishes (a stand-in for Cart and Events).</summary>
internal sealed class RecordingLoginHandler : INotificationHandler<UserLoggedIn>
{
    public static readonly System.Collections.Concurrent.ConcurrentQueue<UserLoggedIn> Received = new();

    public Task HandleAsync(UserLoggedIn notification, CancellationToken cancellationToken)
    {
        Received.Enqueue(notification);
        return Task.CompletedTask;
    }
}

public sealed class LoginFixture : ApiFixture
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddScoped<INotificationHandler<UserLoggedIn>, RecordingLoginHandler>();
}

public sealed class LoginTests(LoginFixture fixture) : IClassFixture<LoginFixture>
{
    [Fact]
    public async Task Given_valid_credentials_When_logging_in_Then_tokens_a_hashed_session_and_a_success_event()
    {
        var client = fixture.CreateClient();
        var email = IdentityApi.NewEmail();
        await client.RegisterAsync(email);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new { email, password = IdentityApi.Password }) };
        request.Headers.UserAgent.ParseAdd("SbbTest/1.0");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(900, body.GetProperty("expiresIn").GetInt32());
        var refresh = body.GetProperty("refreshToken").GetString()!;
        Assert.True(refresh.Length >= 43, "at least 256 bits");
        var userId = body.GetProperty("user").GetProperty("id").GetGuid();
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM auth_sessions WHERE user_id = @id AND status = 'active' AND user_agent = 'SbbTest/1.0' AND refresh_token_hash <> @token",
            ("id", userId), ("token", refresh)));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM events WHERE user_id = @id AND event_name = 'user.login.success'", ("id", userId)));
        var me = await fixture.CreateClient().WithBearer(body.GetProperty("accessToken").GetString()!).GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Given_an_unknown_email_or_a_wrong_password_When_logging_in_Then_the_same_401_answer()
    {
        var client = fixture.CreateClient();
        var email = IdentityApi.NewEmail();
        await client.RegisterAsync(email);

        var unknown = await client.LoginAsync(IdentityApi.NewEmail("nobody"));
        var wrong = await client.LoginAsync(email, "Wrong-Password-99");

        var a = await unknown.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var b = await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        Assert.Equal(a.GetProperty("title").GetString(), b.GetProperty("title").GetString());
        Assert.Equal(a.GetProperty("type").GetString(), b.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Given_five_failures_in_15_minutes_When_logging_in_again_Then_423_even_with_the_right_password_until_15_minutes_pass()
    {
        var client = fixture.CreateClient();
        var email = IdentityApi.NewEmail("locked");
        await client.RegisterAsync(email);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await (await client.LoginAsync(email, "Wrong-Password-99")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        var locked = await client.LoginAsync(email);
        fixture.Factory.Time.Advance(TimeSpan.FromMinutes(16));
        var later = await client.LoginAsync(email);

        await locked.AssertProblemAsync((HttpStatusCode)423, "account_locked");
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Given_concurrent_wrong_guesses_When_racing_Then_the_account_still_locks()
    {
        var client = fixture.CreateClient();
        var email = IdentityApi.NewEmail("parallel");
        await client.RegisterAsync(email);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => fixture.CreateClient().LoginAsync(email, "Wrong-Password-99")));

        await (await client.LoginAsync(email)).AssertProblemAsync((HttpStatusCode)423, "account_locked");
    }

    [Fact]
    public async Task Given_a_suspended_user_When_logging_in_with_the_right_password_Then_403_account_suspended()
    {
        var client = fixture.CreateClient();
        var email = IdentityApi.NewEmail("suspended");
        var id = (await client.RegisterAsync(email)).GetProperty("id").GetGuid();
        await fixture.ExecuteAsync("UPDATE users SET status = 'suspended' WHERE id = @id", ("id", id));

        var right = await client.LoginAsync(email);
        var wrong = await client.LoginAsync(email, "Wrong-Password-99");

        await right.AssertProblemAsync(HttpStatusCode.Forbidden, "account_suspended");
        await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task Given_an_anonymous_visitor_When_logging_in_Then_UserLoggedIn_is_published_with_the_visitor_id()
    {
        var client = fixture.CreateClient();
        var email = IdentityApi.NewEmail();
        var id = (await client.RegisterAsync(email)).GetProperty("id").GetGuid();
        client.DefaultRequestHeaders.Add("X-Anonymous-Id", "visitor-for-merge-123");

        await client.SignInAsync(email);

        Assert.Contains(new UserLoggedIn(id, "visitor-for-merge-123"), RecordingLoginHandler.Received);
    }

    [Fact]
    public async Task Given_a_failed_login_When_reading_events_and_logs_Then_no_password_is_recorded()
    {
        var client = fixture.CreateClient();
        var email = IdentityApi.NewEmail();
        var id = (await client.RegisterAsync(email)).GetProperty("id").GetGuid();

        await client.LoginAsync(email, "Secret-Guess-12345");

        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM events WHERE user_id = @id AND event_name = 'user.login.failed'", ("id", id)));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM events WHERE properties::text LIKE '%Secret-Guess%'"));
    }

    [Fact]
    public async Task Given_a_pbkdf2_hash_from_before_argon2id_When_logging_in_Then_the_password_is_rehashed_with_argon2id()
    {
        var client = fixture.CreateClient();
        var email = IdentityApi.NewEmail("rehash");
        var id = (await client.RegisterAsync(email)).GetProperty("id").GetGuid();
        var legacy = new SbbCommerce.Api.Common.Security.Pbkdf2PasswordHasher(iterations: 10).Hash(IdentityApi.Password);
        await fixture.ExecuteAsync("UPDATE users SET password_hash = @hash WHERE id = @id", ("hash", legacy), ("id", id));

        await client.SignInAsync(email);
        var rehashed = await fixture.ScalarAsync<string>("SELECT password_hash FROM users WHERE id = @id", ("id", id));
        await client.SignInAsync(email);

        Assert.StartsWith("$argon2id$v=19$m=64,t=1,p=1$", rehashed, StringComparison.Ordinal);
        Assert.Equal(rehashed, await fixture.ScalarAsync<string>("SELECT password_hash FROM users WHERE id = @id", ("id", id)));
    }

    [Fact]
    public async Task Given_an_argon2id_hash_with_weaker_settings_When_logging_in_Then_it_is_rehashed_at_the_configured_ones()
    {
        var client = fixture.CreateClient();
        var email = IdentityApi.NewEmail("weak-argon");
        var id = (await client.RegisterAsync(email)).GetProperty("id").GetGuid();
        var weaker = new SbbCommerce.Api.Common.Security.Argon2idPasswordHasher(iterations: 1, memoryKiB: 8).Hash(IdentityApi.Password);
        await fixture.ExecuteAsync("UPDATE users SET password_hash = @hash WHERE id = @id", ("hash", weaker), ("id", id));

        await client.SignInAsync(email);

        Assert.StartsWith("$argon2id$v=19$m=64,t=1,p=1$", await fixture.ScalarAsync<string>("SELECT password_hash FROM users WHERE id = @id", ("id", id)), StringComparison.Ordinal);
    }
}
