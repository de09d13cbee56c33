namespace SbbCommerce.IntegrationTests.Identity.Login;

public sealed class RateLimitedFixture : ApiFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Enabled"] = "true",
        ["RateLimiting:AuthPermitPerMinute"] = "3",
    };
}

public sealed class RateLimitTests(RateLimitedFixture fixture) : IClassFixture<RateLimitedFixture>
{
    [Fact]
    public async Task Given_an_ip_over_the_auth_limit_When_calling_an_auth_route_Then_429_with_retry_after()
    {
        var client = fixture.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            await client.LoginAsync(IdentityApi.NewEmail("limited"));
        }

        var response = await client.LoginAsync(IdentityApi.NewEmail("limited"));

        await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }
}
