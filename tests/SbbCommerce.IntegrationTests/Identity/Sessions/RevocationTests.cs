namespace SbbCommerce.IntegrationTests.Identity.Sessions;

/// <summary>An access token stops working the moment its session or its user's standing ends (issue 14, defect 1).</summary>
public sealed class RevocationTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());

    private async Task<Session> SignedInCustomerAsync()
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();
        // The token works, and this host has now cached that it does.
        Assert.Equal(HttpStatusCode.OK, (await fixture.Authorized(session).GetAsync("/api/v1/me")).StatusCode);
        return session;
    }

    [Fact]
    public async Task Given_a_signed_in_user_When_logging_out_Then_the_access_token_is_refused_at_once()
    {
        var session = await SignedInCustomerAsync();
        var client = fixture.Authorized(session);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = session.RefreshToken })).StatusCode);

        await (await client.GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Given_two_sessions_When_one_is_revoked_from_the_other_Then_only_its_token_is_refused()
    {
        var (email, first) = await fixture.CreateClient().NewCustomerAsync();
        var second = await fixture.CreateClient().SignInAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Authorized(first).GetAsync("/api/v1/me")).StatusCode);
        var sessions = await fixture.Authorized(second).GetFromJsonAsync<JsonElement>("/api/v1/me/sessions");
        var firstId = sessions.EnumerateArray().Single(s => !s.GetProperty("current").GetBoolean()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Authorized(second).DeleteAsync($"/api/v1/me/sessions/{firstId}")).StatusCode);

        await (await fixture.Authorized(first).GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Authorized(second).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Given_a_refresh_token_replayed_When_the_family_is_revoked_Then_the_access_token_is_refused()
    {
        var session = await SignedInCustomerAsync();
        var client = fixture.CreateClient();
        var rotated = await client.RefreshAsync(session.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newAccess = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await fixture.CreateClient().WithBearer(newAccess).GetAsync("/api/v1/me")).StatusCode);

        await client.RefreshAsync(session.RefreshToken); // the old token again: theft, the whole family dies

        await (await fixture.CreateClient().WithBearer(newAccess).GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await fixture.Authorized(session).GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Given_a_password_reset_When_done_Then_every_earlier_access_token_is_refused()
    {
        var (email, session) = await fixture.CreateClient().NewCustomerAsync();
        Assert.Equal(HttpStatusCode.OK, (await fixture.Authorized(session).GetAsync("/api/v1/me")).StatusCode);
        await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/password/forgot", new { email });
        var token = await fixture.TokenFromOutboxAsync(session.UserId, "user.password_reset", "password_reset");

        Assert.Equal(HttpStatusCode.NoContent,
            (await fixture.CreateClient().PostAsJsonAsync("/api/v1/auth/password/reset", new { token, newPassword = "Brand-New-Password-7" })).StatusCode);

        await (await fixture.Authorized(session).GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Given_a_user_When_deleting_the_account_Then_the_access_token_is_refused()
    {
        var session = await SignedInCustomerAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Authorized(session).DeleteAsync("/api/v1/me")).StatusCode);

        await (await fixture.Authorized(session).GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [InlineData("suspended")]
    [InlineData("banned")]
    public async Task Given_a_user_When_suspended_or_banned_Then_the_access_token_is_refused_at_once(string status)
    {
        var session = await SignedInCustomerAsync();

        Assert.Equal(HttpStatusCode.OK, (await Admin().PatchAsJsonAsync($"/api/v1/admin/users/{session.UserId}", new { status })).StatusCode);

        await (await fixture.Authorized(session).GetAsync("/api/v1/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Given_an_admin_When_demoted_Then_the_admin_token_no_longer_reaches_admin_routes()
    {
        var adminId = await fixture.ScalarAsync<Guid>(
            "INSERT INTO users (email, role, status) VALUES (@email, 'admin', 'active') RETURNING id", ("email", IdentityApi.NewEmail("demoted")));
        var adminClient = fixture.CreateClient().WithBearer(fixture.TokenFor("admin", adminId));
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync("/api/v1/admin/users?limit=1")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Admin().PatchAsJsonAsync($"/api/v1/admin/users/{adminId}", new { role = "customer" })).StatusCode);

        // The token claims a role the user no longer has: it is not honoured at all (the client refreshes).
        await (await adminClient.GetAsync("/api/v1/admin/users?limit=1")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var created = await adminClient.PostAsJsonAsync("/api/v1/admin/categories", new { name = "Demoted " + Guid.NewGuid().ToString("N")[..6] });
        await created.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Given_a_signed_in_user_When_a_revocation_rolls_back_Then_the_token_still_works()
    {
        var session = await SignedInCustomerAsync();

        // pg_notify is transactional: a revocation that does not commit tells no host anything, and changes nothing.
        await using (var connection = new Npgsql.NpgsqlConnection(fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var revoke = new Npgsql.NpgsqlCommand("UPDATE users SET status = 'banned' WHERE id = @id", connection, transaction);
            revoke.Parameters.AddWithValue("id", session.UserId);
            await revoke.ExecuteNonQueryAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await fixture.Authorized(session).GetAsync("/api/v1/me")).StatusCode);
    }
}
