using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using SbbCommerce.Api.Common.Http;
using SbbCommerce.Api.Modules.Payments.Proofs;

namespace SbbCommerce.IntegrationTests.Common.Host;

/// <summary>Headers and the small defects of issue 14 (item 4).</summary>
public sealed class SecurityHeadersTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("/api/v1/me", true)]
    [InlineData("/api/v1/cart", true)]
    [InlineData("/api/v1/orders", true)]
    [InlineData("/api/v1/admin/users?limit=1", true)]
    [InlineData("/api/v1/cart", false)]
    public async Task Given_a_personal_answer_When_served_Then_it_carries_the_protective_headers_and_no_store(string path, bool signedIn)
    {
        var client = signedIn ? fixture.CreateClient().WithBearer(fixture.AdminToken()) : fixture.CreateClient();
        client.DefaultRequestHeaders.Add("X-Anonymous-Id", "anon-headers-test-0001");

        var response = await client.GetAsync(path);

        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        AssertProtective(response);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} lacks Cache-Control: no-store");
    }

    [Fact]
    public async Task Given_a_login_When_tokens_are_answered_Then_no_store()
    {
        var (email, _) = await fixture.CreateClient().NewCustomerAsync();

        var response = await fixture.CreateClient().LoginAsync(email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        AssertProtective(response);
    }

    [Fact]
    public async Task Given_a_public_catalog_read_When_served_anonymously_Then_it_stays_cacheable_with_the_protective_headers()
    {
        var response = await fixture.CreateClient().GetAsync($"/api/v1/products/{SeededData.BpcProductSlug}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
        AssertProtective(response);
    }

    [Fact]
    public async Task Given_an_error_answer_When_served_Then_it_carries_the_headers_too()
    {
        var response = await fixture.CreateClient().GetAsync("/api/v1/me");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        AssertProtective(response);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public void Given_the_host_When_configured_Then_kestrel_announces_no_server_header()
    {
        var kestrel = fixture.Factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.False(kestrel.AddServerHeader);
    }

    [Fact]
    public async Task Given_an_anonymous_proof_upload_with_a_json_body_When_sent_Then_401_before_415()
    {
        var anonymous = await fixture.CreateClient().PostAsJsonAsync("/api/v1/payments/PAY-NONE/proof", new { customerReference = "x" });
        var signedIn = await fixture.CreateClient().WithBearer(fixture.CustomerToken())
            .PostAsJsonAsync("/api/v1/payments/PAY-NONE/proof", new { customerReference = "x" });

        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, signedIn.StatusCode);
    }

    [Fact]
    public async Task Given_another_users_refresh_token_When_logging_out_Then_404_session_not_found_and_their_session_lives()
    {
        var (_, victim) = await fixture.CreateClient().NewCustomerAsync();
        var (_, attacker) = await fixture.CreateClient().NewCustomerAsync();

        var response = await fixture.Authorized(attacker).PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = victim.RefreshToken });

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "session_not_found");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Authorized(victim).GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.CreateClient().RefreshAsync(victim.RefreshToken)).StatusCode);
    }

    [Theory]
    [InlineData("abc-123.x:y_Z", true)]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0", false)]
    [InlineData("<script>alert(1)</script>", false)]
    [InlineData("a b", false)]
    [InlineData("id\"with'quotes", false)]
    [InlineData("path/../x", false)]
    public async Task Given_a_client_request_id_When_answered_Then_it_is_echoed_only_when_short_and_safe(string sent, bool echoed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("X-Request-Id", sent);

        var response = await fixture.CreateClient().SendAsync(request);

        var answered = response.Headers.GetValues("X-Request-Id").Single();
        if (echoed)
        {
            Assert.Equal(sent, answered);
        }
        else
        {
            Assert.NotEqual(sent, answered);
            Assert.Matches("^[0-9a-f]{32}$", answered);
        }
    }

    [Fact]
    public void Given_a_relative_storage_root_When_the_host_runs_from_its_project_folder_Then_it_resolves_under_the_repository_root()
    {
        var repository = RepositoryRoot();
        var projectFolder = Path.Combine(repository, "src", "SbbCommerce.Api");

        Assert.Equal(Path.Combine(repository, ".data", "storage"), RepositoryPaths.Resolve(".data/storage", projectFolder));
        Assert.Equal("/var/lib/sbb/proofs", RepositoryPaths.Resolve("/var/lib/sbb/proofs", projectFolder));
        // And a host configured with a relative root stores there, not under its content root.
        using var host = new SbbApiFactory(fixture.ConnectionString, new Dictionary<string, string?> { ["Storage:Root"] = ".data/storage" });
        Assert.Equal(Path.Combine(repository, ".data", "storage"), host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Root);
    }

    [Fact]
    public async Task Given_the_repository_When_reading_gitignore_Then_every_data_folder_is_ignored()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(RepositoryRoot(), ".gitignore"), Encoding.UTF8);

        // Unanchored: src/SbbCommerce.Api/.data (an older dotnet run) is ignored as well as the root one.
        Assert.Contains(".data/", lines);
        Assert.DoesNotContain("/.data/", lines);
    }

    private static void AssertProtective(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, RepositoryPaths.SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }
}
