namespace SbbCommerce.IntegrationTests.Common.Host;

/// <summary>A host whose database is down starts anyway: live, not ready (and it keeps trying to migrate).</summary>
public sealed class UnreachableDatabaseTests
{
    [Fact]
    public async Task Given_an_unreachable_database_When_the_host_starts_Then_it_is_live_but_not_ready()
    {
        await using var factory = new SbbApiFactory(
            "Host=127.0.0.1;Port=1;Database=nowhere;Username=postgres;Timeout=2",
            new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "true", ["Database:StartupWaitSeconds"] = "0" });
        var client = factory.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}
