using SbbCommerce.Api.Common.Notifications;

namespace SbbCommerce.IntegrationTests.Identity.Sessions;

/// <summary>Two hosts on one database: a revocation through one is honoured by the other within a second.</summary>
public sealed class CrossHostRevocationTests(ApiFixture fixture) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);
    private SbbApiFactory? _hostB;

    private SbbApiFactory HostB => _hostB ?? throw new InvalidOperationException("Host B not started.");

    public async Task InitializeAsync()
    {
        _hostB = new SbbApiFactory(fixture.ConnectionString);
        _ = _hostB.Server;
        await WaitUntilListeningAsync(fixture.Factory);
        await WaitUntilListeningAsync(HostB);
    }

    public async Task DisposeAsync()
    {
        if (_hostB is not null)
        {
            await _hostB.DisposeAsync();
        }
    }

    [Fact]
    public async Task Given_a_token_cached_on_host_B_When_host_A_suspends_the_user_Then_host_B_refuses_it_within_a_second()
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();
        var onB = HostB.CreateClient().WithBearer(session.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/v1/me")).StatusCode);
        // Host B's clock never moves in this test: only the NOTIFY can evict its cached answer.

        var suspend = await fixture.CreateClient().WithBearer(fixture.AdminToken())
            .PatchAsJsonAsync($"/api/v1/admin/users/{session.UserId}", new { status = "suspended" });
        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        var clock = Stopwatch.StartNew();

        var status = await PollUntilRefusedAsync(onB, "/api/v1/me", clock);
        Assert.True(status == HttpStatusCode.Unauthorized, $"Host B still answered {(int)status} after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Given_a_token_cached_on_host_B_When_host_A_logs_it_out_Then_host_B_refuses_it_within_a_second()
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();
        var onB = HostB.CreateClient().WithBearer(session.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/v1/me")).StatusCode);

        var logout = await fixture.Authorized(session).PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = session.RefreshToken });
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        var clock = Stopwatch.StartNew();

        var status = await PollUntilRefusedAsync(onB, "/api/v1/me", clock);
        Assert.True(status == HttpStatusCode.Unauthorized, $"Host B still answered {(int)status} after {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Given_the_listening_connection_dropped_When_it_reconnects_Then_revocations_reach_the_host_again()
    {
        var listenerPids = await fixture.ScalarAsync<int[]>(
            "SELECT array_agg(pid) FROM pg_stat_activity WHERE application_name = @app AND datname = current_database()",
            ("app", DatabaseNotificationListener.ApplicationName));
        Assert.Equal(2, listenerPids.Length);
        await fixture.ExecuteAsync(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = @app AND datname = current_database()",
            ("app", DatabaseNotificationListener.ApplicationName));
        await WaitForNewListenersAsync(listenerPids);
        await WaitUntilListeningAsync(HostB);

        var (_, session) = await fixture.CreateClient().NewCustomerAsync();
        var onB = HostB.CreateClient().WithBearer(session.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/v1/me")).StatusCode);
        await fixture.Authorized(session).PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = session.RefreshToken });
        var clock = Stopwatch.StartNew();

        Assert.Equal(HttpStatusCode.Unauthorized, await PollUntilRefusedAsync(onB, "/api/v1/me", clock));
    }

    private static async Task<HttpStatusCode> PollUntilRefusedAsync(HttpClient client, string path, Stopwatch clock)
    {
        HttpStatusCode status;
        do
        {
            status = (await client.GetAsync(path)).StatusCode;
        }
        while (status == HttpStatusCode.OK && clock.Elapsed < Bound);
        return status;
    }

    private static async Task WaitUntilListeningAsync(SbbApiFactory host)
    {
        var state = host.Services.GetRequiredService<DatabaseNotificationState>();
        var deadline = Stopwatch.StartNew();
        while (!state.IsListening)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "The notification listener never connected.");
            await Task.Yield();
        }
    }

    private async Task WaitForNewListenersAsync(int[] terminatedPids)
    {
        var deadline = Stopwatch.StartNew();
        while (await fixture.ScalarAsync<long>(
                   "SELECT count(*) FROM pg_stat_activity WHERE application_name = @app AND datname = current_database() AND pid <> ALL(@old)",
                   ("app", DatabaseNotificationListener.ApplicationName), ("old", terminatedPids)) < 2)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(20), "The listeners did not reconnect.");
        }
    }
}
