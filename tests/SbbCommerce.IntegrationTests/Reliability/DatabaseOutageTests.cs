using System.Net;

namespace SbbCommerce.IntegrationTests.Reliability;

/// <summary>A host whose PostgreSQL goes through a relay the test cuts and restores (the shared cluster keeps running).</summary>
public sealed class OutageFixture : ApiFixture
{
    internal SwitchableTcpProxy Proxy { get; private set; } = null!;

    protected override string HostConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Proxy = new SwitchableTcpProxy(new IPEndPoint(IPAddress.Parse(builder.Host!), builder.Port));
        builder.Port = Proxy.Port;
        builder.Timeout = 3;
        return builder.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Proxy.DisposeAsync();
    }
}

/// <summary>PostgreSQL unreachable: requests fail fast with 503 <c>unavailable</c> (the token gate included) and recover by themselves.</summary>
public sealed class DatabaseOutageTests(OutageFixture fixture) : IClassFixture<OutageFixture>
{
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Given_the_database_unreachable_When_calling_Then_503_unavailable_fast_and_the_host_recovers_once_it_is_back()
    {
        var warm = fixture.CreateClient().WithBearer(fixture.CustomerToken());
        Assert.Equal(HttpStatusCode.OK, (await warm.GetAsync("/api/v1/me")).StatusCode);
        // A session this host has never seen: the token gate must ask the database for it.
        var customer = fixture.CreateClient().WithBearer(fixture.NewUserToken("customer"));
        var anonymous = fixture.CreateClient();

        fixture.Proxy.Cut();
        var watch = Stopwatch.StartNew();
        var me = await customer.GetAsync("/api/v1/me");
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "customer@sbb.local", password = "wrong-password-1" });
        var elapsed = watch.Elapsed;

        var problem = await me.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "unavailable");
        Assert.Equal("1", me.Headers.RetryAfter?.ToString());
        Assert.False(problem.ToString().Contains("Npgsql", StringComparison.OrdinalIgnoreCase), problem.ToString());
        await login.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "unavailable");
        Assert.True(elapsed < FailFast * 2, $"two requests took {elapsed}");

        fixture.Proxy.Restore();
        // Connections the pool still holds were cut: each fails once (503, never 500) and is discarded; a bounded number
        // of requests later the host answers again without any restart.
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 60 && statuses.LastOrDefault() != HttpStatusCode.OK; attempt++)
        {
            statuses.Add((await customer.GetAsync("/api/v1/me")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, statuses[^1]);
        Assert.All(statuses[..^1], status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
    }
}
