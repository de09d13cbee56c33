using SbbCommerce.Bench.Scenarios.Baseline;

namespace SbbCommerce.Bench.Scenarios;

/// <summary>
/// The machine's practical ceiling: an in-process minimal endpoint reading one row with raw Npgsql from the same
/// PostgreSQL, driven by the same client settings. Ignores --url.
/// </summary>
internal sealed class BaselineScenario : ScenarioBase
{
    private BaselineServer? _server;

    public override string Name => ScenarioRegistry.BaselineName;

    public override string Description =>
        "In-process slim Kestrel endpoint reading one payment_methods row with raw Npgsql (the ceiling other scenarios are compared to).";

    public override async Task SetUpAsync(BenchContext context, CancellationToken cancellationToken)
    {
        // Query once directly first: a missing database or table then fails the set-up with PostgreSQL's own
        // message instead of showing up as a run of 500s.
        var connection = await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            context.Figures.Set("postgresVersion", connection.PostgreSqlVersion.ToString());
            await using var command = connection.CreateCommand();
            command.CommandText = BaselineServer.Query;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            context.Figures.Set("row", await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetString(1) : "(table empty)");
        }

        context.Figures.Set("query", BaselineServer.Query);
        _server = await BaselineServer.StartAsync(context.Database, cancellationToken).ConfigureAwait(false);
        Target = new Uri(_server.BaseAddress, BaselineServer.Path);
    }

    public override HttpRequestMessage CreateRequest(int workerIndex, long iteration) => new(HttpMethod.Get, Target);

    protected override async ValueTask DisposeCoreAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        await base.DisposeCoreAsync().ConfigureAwait(false);
    }
}
