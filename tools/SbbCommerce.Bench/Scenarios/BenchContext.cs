using Npgsql;
using SbbCommerce.Bench.Cli;

namespace SbbCommerce.Bench.Scenarios;

/// <summary>What a scenario may use for set-up and verification; one per scenario run.</summary>
internal sealed class BenchContext(BenchOptions options, HttpClient http, NpgsqlDataSource database, Action<string> log)
{
    public BenchOptions Options { get; } = options;

    /// <summary>The SbbCommerce API base address (--url), always ending with '/'.</summary>
    public Uri ApiBaseUrl => Options.Url;

    /// <summary>The driver's shared client; set-up calls through it warm the same connection pool.</summary>
    public HttpClient Http { get; } = http;

    /// <summary>The PostgreSQL behind --connection; connections open on first use.</summary>
    public NpgsqlDataSource Database { get; } = database;

    /// <summary>Scenario-specific figures, written to the report next to the latency figures.</summary>
    public ScenarioFigures Figures { get; } = new();

    /// <summary>Progress text for the operator (stderr, so stdout stays the result table).</summary>
    public void Log(string message) => log(message);
}
