namespace SbbCommerce.IntegrationTests.Identity.Refresh;

public sealed class RefreshTokenTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_refresh_token_When_refreshing_Then_a_new_pair_is_issued_and_the_old_token_is_dead()
    {
        var client = fixture.CreateClient();
        var (_, session) = await client.NewCustomerAsync();

        var rotated = await client.RefreshAsync(session.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var body = await rotated.Content.ReadFromJsonAsync<JsonElement>();
        var next = body.GetProperty("refreshToken").GetString()!;
        Assert.NotEqual(session.RefreshToken, next);
        Assert.Equal(HttpStatusCode.OK, (await fixture.CreateClient().WithBearer(body.GetProperty("accessToken").GetString()!).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(DISTINCT family_id) FROM auth_sessions WHERE user_id = @id", ("id", session.UserId)));
    }

    [Fact]
    public async Task Given_a_rotated_token_When_presented_again_Then_401_refresh_token_reused_and_the_whole_family_is_revoked()
    {
        var client = fixture.CreateClient();
        var (_, session) = await client.NewCustomerAsync();
        var next = (await (await client.RefreshAsync(session.RefreshToken)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString()!;

        var replay = await client.RefreshAsync(session.RefreshToken);
        var legitimate = await client.RefreshAsync(next);

        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized, "refresh_token_reused");
        Assert.Equal(HttpStatusCode.Unauthorized, legitimate.StatusCode);
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM auth_sessions WHERE user_id = @id AND status = 'active'", ("id", session.UserId)));
    }

    [Fact]
    public async Task Given_two_refreshes_racing_with_one_token_When_both_arrive_Then_exactly_one_succeeds()
    {
        var client = fixture.CreateClient();
        var (_, session) = await client.NewCustomerAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fixture.CreateClient().RefreshAsync(session.RefreshToken)));

        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.OK) <= 1);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
    }

    [Fact]
    public async Task Given_an_unknown_token_When_refreshing_Then_401_invalid_refresh_token()
    {
        var response = await fixture.CreateClient().RefreshAsync("not-a-real-refresh-token");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task Given_an_expired_refresh_token_When_refreshing_Then_401_invalid_refresh_token()
    {
        var client = fixture.CreateClient();
        var (_, session) = await client.NewCustomerAsync();
        await fixture.ExecuteAsync("UPDATE auth_sessions SET expires_at = now() - interval '1 minute' WHERE user_id = @id", ("id", session.UserId));

        var response = await client.RefreshAsync(session.RefreshToken);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task Given_a_logout_When_refreshing_afterwards_Then_the_token_no_longer_works()
    {
        var client = fixture.CreateClient();
        var (_, session) = await client.NewCustomerAsync();

        var logout = await fixture.Authorized(session).PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = session.RefreshToken });
        var refresh = await client.RefreshAsync(session.RefreshToken);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        await refresh.AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Fact]
    public async Task Given_a_suspended_user_When_refreshing_Then_the_token_stops_working()
    {
        var client = fixture.CreateClient();
        var (_, session) = await client.NewCustomerAsync();
        await fixture.ExecuteAsync("UPDATE users SET status = 'suspended' WHERE id = @id", ("id", session.UserId));

        var response = await client.RefreshAsync(session.RefreshToken);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "account_suspended");
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM auth_sessions WHERE user_id = @id AND status = 'active'", ("id", session.UserId)));
    }
}
