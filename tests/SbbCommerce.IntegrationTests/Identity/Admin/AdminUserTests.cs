namespace SbbCommerce.IntegrationTests.Identity.Admin;

public sealed class AdminUserTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private HttpClient Admin() => fixture.CreateClient().WithBearer(fixture.AdminToken());

    [Fact]
    public async Task Given_users_When_searching_by_email_prefix_and_paging_Then_matches_come_newest_first_across_pages()
    {
        var client = fixture.CreateClient();
        var prefix = $"page{Guid.NewGuid():N}"[..14];
        for (var i = 0; i < 3; i++)
        {
            await client.RegisterAsync($"{prefix}-{i}@example.test");
            fixture.Factory.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await Admin().GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?q={prefix}&limit=2");
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await Admin().GetFromJsonAsync<JsonElement>($"/api/v1/admin/users?q={prefix}&limit=2&cursor={Uri.EscapeDataString(cursor!)}");

        var emails = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(u => u.GetProperty("email").GetString()).ToList();
        Assert.Equal([$"{prefix}-2@example.test", $"{prefix}-1@example.test", $"{prefix}-0@example.test"], emails);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Given_status_and_role_filters_When_searching_Then_only_matching_users_come_back()
    {
        var admins = await Admin().GetFromJsonAsync<JsonElement>("/api/v1/admin/users?role=super_admin&status=active");
        var invalid = await Admin().GetAsync("/api/v1/admin/users?status=sleepy");

        Assert.Contains(admins.GetProperty("items").EnumerateArray(), u => u.GetProperty("email").GetString() == SeededData.AdminEmail);
        Assert.All(admins.GetProperty("items").EnumerateArray(), u => Assert.Equal("super_admin", u.GetProperty("role").GetString()));
        await invalid.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_a_user_When_an_admin_opens_it_Then_profile_addresses_and_sessions_are_there()
    {
        var detail = await Admin().GetFromJsonAsync<JsonElement>($"/api/v1/admin/users/{SeededData.CustomerId}");

        Assert.Equal(SeededData.CustomerEmail, detail.GetProperty("user").GetProperty("email").GetString());
        Assert.True(detail.GetProperty("addresses").GetArrayLength() >= 1);
        Assert.Equal(JsonValueKind.Array, detail.GetProperty("sessions").ValueKind);
    }

    [Fact]
    public async Task Given_a_customer_with_a_session_When_an_admin_suspends_them_Then_refresh_stops_and_an_audit_row_is_written()
    {
        var client = fixture.CreateClient();
        var (_, session) = await client.NewCustomerAsync();

        var response = await Admin().PatchAsJsonAsync($"/api/v1/admin/users/{session.UserId}", new { status = "suspended", reason = "chargeback fraud" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await (await client.RefreshAsync(session.RefreshToken)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'user.updated' AND user_id = @admin AND old_values->>'status' = 'pending_verification' AND new_values->>'status' = 'suspended'",
            ("id", session.UserId), ("admin", SeededData.AdminId)));
    }

    [Fact]
    public async Task Given_a_plain_admin_When_changing_a_role_Then_403_role_change_forbidden()
    {
        var adminId = await fixture.ScalarAsync<Guid>(
            "INSERT INTO users (email, role, status) VALUES (@email, 'admin', 'active') RETURNING id", ("email", IdentityApi.NewEmail("plain-admin")));

        var response = await fixture.CreateClient().WithBearer(fixture.TokenFor("admin", adminId))
            .PatchAsJsonAsync($"/api/v1/admin/users/{SeededData.CustomerId}", new { role = "admin" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "role_change_forbidden");
    }

    [Fact]
    public async Task Given_the_only_super_admin_When_demoted_Then_422_last_super_admin()
    {
        var response = await Admin().PatchAsJsonAsync($"/api/v1/admin/users/{SeededData.AdminId}", new { role = "admin" });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "last_super_admin");
        Assert.Equal("super_admin", await fixture.ScalarAsync<string>("SELECT role::text FROM users WHERE id = @id", ("id", SeededData.AdminId)));
    }

    [Fact]
    public async Task Given_a_kyc_decision_When_approved_Then_status_and_time_are_recorded_and_audited()
    {
        var (_, session) = await fixture.CreateClient().NewCustomerAsync();

        var response = await Admin().PostAsJsonAsync($"/api/v1/admin/users/{session.UserId}/kyc", new { status = "approved", notes = "ID checked" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("approved", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kycStatus").GetString());
        Assert.Equal(1L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM audit_logs WHERE resource_id = @id AND action = 'user.kyc_decided' AND new_values->>'kycStatus' = 'approved'", ("id", session.UserId)));
    }

    [Fact]
    public async Task Given_an_unknown_user_When_an_admin_opens_it_Then_404_user_not_found()
    {
        var response = await Admin().GetAsync($"/api/v1/admin/users/{Guid.NewGuid()}");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "user_not_found");
    }
}
