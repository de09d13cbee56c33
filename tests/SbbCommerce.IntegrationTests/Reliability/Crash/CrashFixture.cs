using System.Globalization;
using SbbCommerce.Api.Common.Faults;
using SbbCommerce.Fakes;

namespace SbbCommerce.IntegrationTests.Reliability.Crash;

/// <summary>
/// One test database, the fake ERP, and the API as a separate process (<see cref="ApiProcess"/>) with its outbox
/// dispatcher on and <c>Testing:KillAt</c> set to the point under test. The fault point fires only while the arm
/// file exists (it renames it to <c>.fired</c> as it kills), so the restarted host serves the checks and the next
/// iteration without dying again: one process start per iteration. The fixture's clients and tokens go to that
/// process (real sessions, real clock); the in-process host of the base fixture serves nobody.
/// </summary>
public sealed class CrashFixture : ApiFixture, IAsyncLifetime
{
    private readonly string _armFile = Path.Combine(Path.GetTempPath(), $"sbb-kill-{Guid.NewGuid():N}");
    private ApiProcess? _host;

    /// <summary>Kills per point: <c>SBB_KILL_ITERATIONS</c> (nightly runs set 50), else 2.</summary>
    public static int Iterations =>
        int.TryParse(Environment.GetEnvironmentVariable("SBB_KILL_ITERATIONS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 2;

    internal FakePropello Erp { get; private set; } = null!;

    internal ApiProcess Host => _host ?? throw new InvalidOperationException("No host started.");

    public override DateTimeOffset Now => DateTimeOffset.UtcNow;

    public override HttpClient CreateClient() => Host.CreateClient();

    public new async Task InitializeAsync()
    {
        Erp = await FakePropello.StartAsync();
        await base.InitializeAsync();
    }

    /// <summary>Starts (or restarts) the host process armed for <paramref name="point"/>; returns once it is ready.</summary>
    internal async Task UseHostAsync(string point)
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        var settings = SbbApiFactory.BaseSettings(ConnectionString);
        settings["Erp:Propello:BaseUrl"] = Erp.BaseUrl;
        settings["Erp:Propello:ApiKey"] = FakePropello.ApiKey;
        settings["Erp:Propello:StoreId"] = FakePropello.StoreId;
        settings["Erp:Propello:TimeoutSeconds"] = "5";
        settings["Outbox:DispatcherEnabled"] = "true";
        settings["Outbox:DispatcherLoops"] = "2";
        settings["Outbox:PollInterval"] = "00:00:00.200";
        settings["Outbox:BaseRetryDelay"] = "00:00:01";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Testing:KillAt"] = point;
        settings["Testing:KillArmFile"] = _armFile;
        Disarm();
        _host = new ApiProcess(settings);
        await _host.StartAsync();
    }

    /// <summary>The next time the host reaches its point, it dies.</summary>
    internal void Arm()
    {
        File.Delete(_armFile + ".fired");
        File.WriteAllText(_armFile, "armed");
    }

    /// <summary>Whether the host died at its point (the fault point renamed the arm file as it fired).</summary>
    internal bool Fired => File.Exists(_armFile + ".fired");

    internal void Disarm()
    {
        File.Delete(_armFile);
        File.Delete(_armFile + ".fired");
    }

    /// <summary>Waits for the armed host to die at its point, then starts it again (disarmed).</summary>
    internal async Task SurviveKillAsync()
    {
        await Host.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(Fired, $"The host died, but not at its fault point.\n{Host.RecentOutput}");
        await Host.StartAsync();
    }

    public new async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Disarm();
        await base.DisposeAsync();
        await Erp.DisposeAsync();
    }

    internal static IEnumerable<string> Points => FaultPoints.All;
}
