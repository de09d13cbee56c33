using System.Net.Http.Headers;

namespace SbbCommerce.IntegrationTests.Common.Host;

public sealed class HostTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_a_migrated_database_When_probing_health_Then_live_and_ready_answer_200()
    {
        var client = fixture.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Given_no_request_id_When_calling_Then_one_is_generated_and_a_sent_one_is_echoed()
    {
        var client = fixture.CreateClient();

        var generated = await client.GetAsync("/health/live");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Request-Id", "client-chosen-id-42");
        var echoed = await client.SendAsync(request);

        Assert.False(string.IsNullOrEmpty(generated.Headers.GetValues("X-Request-Id").Single()));
        Assert.Equal("client-chosen-id-42", echoed.Headers.GetValues("X-Request-Id").Single());
    }

    [Fact]
    public async Task Given_an_anonymous_visitor_When_opening_the_hangfire_dashboard_Then_401()
    {
        var response = await fixture.CreateClient().GetAsync("/hangfire");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Given_a_customer_When_opening_the_hangfire_dashboard_Then_403()
    {
        var client = fixture.CreateClient().WithBearer(fixture.NewUserToken("customer"));

        var response = await client.GetAsync("/hangfire");

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("super_admin")]
    public async Task Given_an_admin_When_opening_the_hangfire_dashboard_Then_it_is_served(string role)
    {
        var client = fixture.CreateClient().WithBearer(fixture.NewUserToken(role));

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("SbbCommerce jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_token_signed_with_another_key_When_calling_an_admin_route_Then_401()
    {
        var client = fixture.CreateClient().WithBearer(TestTokens.For("admin", key: "another-key-that-is-long-enough-0123456789"));

        var response = await client.GetAsync("/hangfire");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Given_the_testing_environment_When_opening_swagger_Then_admins_only()
    {
        var anonymous = await fixture.CreateClient().GetAsync("/swagger/v1/swagger.json");
        var admin = await fixture.CreateClient().WithBearer(fixture.NewUserToken("admin")).GetAsync("/swagger/v1/swagger.json");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Contains("\"bearer\"", await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_malformed_json_When_posting_Then_400_malformed_request()
    {
        using var content = new StringContent("{\"message\":", Encoding.UTF8, "application/json");

        var response = await fixture.CreateClient().PostAsync("/api/v1/_diagnostics/echo", content);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Fact]
    public async Task Given_a_wrong_content_type_When_posting_Then_415()
    {
        using var content = new StringContent("message=hi", Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await fixture.CreateClient().PostAsync("/api/v1/_diagnostics/echo", content);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Given_an_oversized_body_When_posting_Then_413()
    {
        var huge = "{\"message\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        using var content = new StringContent(huge, Encoding.UTF8, "application/json");

        var response = await fixture.CreateClient().PostAsync("/api/v1/_diagnostics/echo", content);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [Fact]
    public async Task Given_an_invalid_body_When_posting_Then_400_validation_failed_with_field_errors()
    {
        var response = await fixture.CreateClient().PostAsJsonAsync("/api/v1/_diagnostics/echo", new { message = "" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("message", out _));
    }

    [Fact]
    public async Task Given_an_unhandled_exception_When_calling_Then_500_problem_without_internals()
    {
        var response = await fixture.CreateClient().GetAsync("/api/v1/_diagnostics/boom");

        await response.AssertProblemAsync(HttpStatusCode.InternalServerError, "internal_error");
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("deliberate", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_unknown_route_When_calling_Then_404_problem()
    {
        var response = await fixture.CreateClient().GetAsync("/api/v1/no-such-route");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Given_a_configured_storefront_origin_When_preflighting_Then_cors_allows_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/health/live");
        request.Headers.Add("Origin", "https://shop.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        var response = await fixture.CreateClient().SendAsync(request);

        Assert.Equal("https://shop.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Given_an_admin_token_in_the_dashboard_link_When_opening_hangfire_in_a_browser_Then_a_cookie_carries_it_afterwards()
    {
        var client = fixture.CreateClient();

        var first = await client.GetAsync($"/hangfire?access_token={fixture.AdminToken()}");
        var cookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sbb_dashboard_token=", StringComparison.Ordinal));
        using var next = new HttpRequestMessage(HttpMethod.Get, "/hangfire/jobs/enqueued");
        next.Headers.Add("Cookie", cookie.Split(';')[0]);
        var followUp = await client.SendAsync(next);
        var customer = await fixture.CreateClient().GetAsync($"/hangfire?access_token={fixture.CustomerToken()}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("HttpOnly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, followUp.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, customer.StatusCode);
    }
}
