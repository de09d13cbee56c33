namespace SbbCommerce.IntegrationTests.Identity.Admin;

/// <summary>A plain admin manages customers and wholesale accounts; staff answer to a super_admin (issue 14, defect 3).</summary>
public sealed class AdminHierarchyTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private async Task<Guid> UserAsync(string role) => await fixture.ScalarAsync<Guid>(
        "INSERT INTO users (email, role, status) VALUES (@email, @role::user_role, 'active') RETURNING id",
        ("email", IdentityApi.NewEmail(role.Replace('_', '-'))), ("role", role));

    private async Task<HttpClient> PlainAdminAsync() => fixture.CreateClient().WithBearer(fixture.TokenFor("admin", await UserAsync("admin")));

    [Theory]
    [InlineData("super_admin", "suspended")]
    [InlineData("super_admin", "banned")]
    [InlineData("admin", "suspended")]
    [InlineData("admin", "banned")]
    public async Task Given_a_plain_admin_When_suspending_or_banning_staff_Then_403_role_change_forbidden_and_nothing_changes(string targetRole, string status)
    {
        var target = await UserAsync(targetRole);

        var response = await (await PlainAdminAsync()).PatchAsJsonAsync($"/api/v1/admin/users/{target}", new { status });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "role_change_forbidden");
        Assert.Equal("active", await fixture.ScalarAsync<string>("SELECT status::text FROM users WHERE id = @id", ("id", target)));
        Assert.Equal(0L, await fixture.ScalarAsync<long>("SELECT count(*) FROM audit_logs WHERE resource_id = @id", ("id", target)));
    }

    [Fact]
    public async Task Given_a_plain_admin_When_suspending_the_seeded_super_admin_Then_403()
    {
        var response = await (await PlainAdminAsync()).PatchAsJsonAsync($"/api/v1/admin/users/{SeededData.AdminId}", new { status = "suspended" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "role_change_forbidden");
        Assert.Equal("active", await fixture.ScalarAsync<string>("SELECT status::text FROM users WHERE id = @id", ("id", SeededData.AdminId)));
    }

    [Fact]
    public async Task Given_a_plain_admin_When_deciding_kyc_of_an_admin_Then_403()
    {
        var target = await UserAsync("admin");

        var response = await (await PlainAdminAsync()).PostAsJsonAsync($"/api/v1/admin/users/{target}/kyc", new { status = "rejected" });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "role_change_forbidden");
    }

    [Theory]
    [InlineData("customer")]
    [InlineData("wholesale")]
    public async Task Given_a_plain_admin_When_suspending_a_customer_or_wholesale_account_Then_200(string targetRole)
    {
        var target = await UserAsync(targetRole);

        var response = await (await PlainAdminAsync()).PatchAsJsonAsync($"/api/v1/admin/users/{target}", new { status = "suspended" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("suspended", await fixture.ScalarAsync<string>("SELECT status::text FROM users WHERE id = @id", ("id", target)));
    }

    [Fact]
    public async Task Given_a_super_admin_When_banning_an_admin_Then_200()
    {
        var target = await UserAsync("admin");

        var response = await fixture.CreateClient().WithBearer(fixture.AdminToken())
            .PatchAsJsonAsync($"/api/v1/admin/users/{target}", new { status = "banned" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("banned", await fixture.ScalarAsync<string>("SELECT status::text FROM users WHERE id = @id", ("id", target)));
    }
}
