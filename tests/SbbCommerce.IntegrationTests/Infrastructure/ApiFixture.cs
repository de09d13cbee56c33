using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using SbbCommerce.Api.Common.Notifications;
using SbbCommerce.Api.Common.Persistence;

namespace SbbCommerce.IntegrationTests.Infrastructure;

/// <summary>One database and one host per test class (xunit class fixture).</summary>
public class ApiFixture : IAsyncLifetime
{
    private SbbApiFactory? _factory;

    internal SbbApiFactory Factory => _factory ?? throw new InvalidOperationException("Fixture not initialised.");

    public string ConnectionString => Factory.ConnectionString;

    /// <summary>Extra configuration for this fixture's host.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>How the host reaches the test database (the fixture's own queries always go direct).</summary>
    protected virtual string HostConnectionString(string connectionString) => connectionString;

    /// <summary>Extra services for this fixture's host (e.g. a recording notification handler).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task InitializeAsync()
    {
        var connectionString = await TestDatabases.CreateAsync();
        var settings = new Dictionary<string, string?>(Settings);
        if (HostConnectionString(connectionString) is var hostConnection && hostConnection != connectionString)
        {
            settings["ConnectionStrings:Postgres"] = hostConnection;
        }

        _factory = new SbbApiFactory(connectionString, settings, ConfigureServices);
        _ = _factory.Server; // start the host now, not inside the first test
        await WaitForNotificationListenerAsync();
    }

    /// <summary>
    /// The host's LISTEN connection opens in the background, and when it starts listening every cache drops what it
    /// learnt while deaf; a test reading through a cache before that would see its entry vanish. Waits a while for
    /// it, and goes on without (a fixture whose database is unreachable on purpose never listens).
    /// </summary>
    private async Task WaitForNotificationListenerAsync()
    {
        var state = Factory.Services.GetRequiredService<DatabaseNotificationState>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!state.IsListening && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    /// <summary>
    /// A client of the host as WebApplicationFactory makes one (redirects followed, cookies kept), whose every answer
    /// is checked against the committed OpenAPI document (<see cref="OpenApiResponseValidator"/>); a separate
    /// process's client in the crash tests.
    /// </summary>
    public virtual HttpClient CreateClient() =>
        Factory.CreateDefaultClient(new Uri("http://localhost"),
            new OpenApiResponseValidator(), new RedirectHandler(), new CookieContainerHandler());

    /// <summary>The host's time, for tokens and dates the host must accept (its fake clock unless a fixture runs on real time).</summary>
    public virtual DateTimeOffset Now => Factory.Time.GetUtcNow();

    /// <summary>A DI scope of the host, for arranging rows and calling jobs directly.</summary>
    public AsyncServiceScope CreateScope() => Factory.Services.CreateAsyncScope();

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    internal static SbbDbContext DbContext(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<SbbDbContext>();

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
