using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace SbbCommerce.IntegrationTests.Infrastructure;

/// <summary>
/// The real host (Program) in the "Testing" environment against a test database. The Hangfire server is off:
/// tests call jobs directly, with <see cref="Time"/> when they need to move the clock.
/// </summary>
internal sealed class SbbApiFactory(
    string connectionString, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<Program>
{
    public const string SigningKey = "integration-tests-signing-key-0123456789abcdef";

    /// <summary>The host's clock; starts at the real time, moves only when a test advances it.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = BaseSettings(ConnectionString);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            configureServices?.Invoke(services);
        });
    }

    /// <summary>What every test host runs with (in process here, or as a separate process in the crash tests).</summary>
    public static Dictionary<string, string?> BaseSettings(string connectionString) => new(StringComparer.Ordinal)
    {
        ["ConnectionStrings:Postgres"] = connectionString,
        ["Jwt:SigningKey"] = SigningKey,
        ["Database:MigrateOnStartup"] = "false",
        ["Database:Seed"] = "",
        ["Hangfire:ServerEnabled"] = "false",
        ["RateLimiting:Enabled"] = "false",
        // Argon2id's smallest settings: the tests prove the flows, the bench measures the cost at OWASP's settings.
        ["Security:Argon2:Iterations"] = "1",
        ["Security:Argon2:MemoryKiB"] = "64",
        ["Cors:Origins"] = "https://shop.example",
        // Free shipping (the default table's ground level) unless a test configures rates: totals stay the goods' sums.
        ["Shipping:FreeAboveCents"] = "0",
        ["Storage:Root"] = Path.Combine(Path.GetTempPath(), "sbb-test-storage", Guid.NewGuid().ToString("N")),
        // Outside Development the host needs SMTP or mail turned off; email tests configure a local SMTP server.
        ["Email:Enabled"] = "false",
    };
}
